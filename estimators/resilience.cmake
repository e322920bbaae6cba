# Resilience analyzers: request paths, single points of failure, failure what-if, availability, latency
# (with Erlang C queueing) and design lint. docs/analyzers.md describes them.

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/request_paths.h ${CMAKE_CURRENT_LIST_DIR}/request_paths.cpp
  ${CMAKE_CURRENT_LIST_DIR}/failure_scenario.h ${CMAKE_CURRENT_LIST_DIR}/failure_scenario.cpp
  ${CMAKE_CURRENT_LIST_DIR}/spof.h ${CMAKE_CURRENT_LIST_DIR}/spof.cpp
  ${CMAKE_CURRENT_LIST_DIR}/availability.h ${CMAKE_CURRENT_LIST_DIR}/availability.cpp
  ${CMAKE_CURRENT_LIST_DIR}/erlang.h ${CMAKE_CURRENT_LIST_DIR}/erlang.cpp
  ${CMAKE_CURRENT_LIST_DIR}/latency.h ${CMAKE_CURRENT_LIST_DIR}/latency.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lint.h ${CMAKE_CURRENT_LIST_DIR}/lint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resilience.h ${CMAKE_CURRENT_LIST_DIR}/resilience.cpp)
# The latency reference table is data in resources/reference/.
napkin_embed_text(napkin_estimators ${NAPKIN_RESOURCES_DIR}/reference/latency.json latencyReferenceJson)
# The availability reference table (public cloud SLAs, dated) is data in resources/reference/ too.
napkin_embed_text(napkin_estimators ${NAPKIN_RESOURCES_DIR}/reference/availability.json availabilityReferenceJson)
