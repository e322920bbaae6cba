# Resilience analyzers: request paths, single points of failure, failure what-if, availability, latency
# (with Erlang C queueing) and design lint. docs/analyzers.md describes them.

# The latency reference table is data in resources/; compile it in like the catalog.
set(NAPKIN_LATENCY_JSON ${NAPKIN_RESOURCES_DIR}/reference/latency.json)
set(NAPKIN_LATENCY_CPP ${CMAKE_CURRENT_BINARY_DIR}/latency_reference.cpp)
add_custom_command(
  OUTPUT ${NAPKIN_LATENCY_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${NAPKIN_LATENCY_JSON} -DOUTPUT=${NAPKIN_LATENCY_CPP}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/embed_latency_reference.cmake
  DEPENDS ${NAPKIN_LATENCY_JSON} ${CMAKE_CURRENT_SOURCE_DIR}/embed_latency_reference.cmake
  COMMENT "Embedding the latency reference table")

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/request_paths.h ${CMAKE_CURRENT_LIST_DIR}/request_paths.cpp
  ${CMAKE_CURRENT_LIST_DIR}/failure_scenario.h ${CMAKE_CURRENT_LIST_DIR}/failure_scenario.cpp
  ${CMAKE_CURRENT_LIST_DIR}/spof.h ${CMAKE_CURRENT_LIST_DIR}/spof.cpp
  ${CMAKE_CURRENT_LIST_DIR}/availability.h ${CMAKE_CURRENT_LIST_DIR}/availability.cpp
  ${CMAKE_CURRENT_LIST_DIR}/erlang.h ${CMAKE_CURRENT_LIST_DIR}/erlang.cpp
  ${CMAKE_CURRENT_LIST_DIR}/latency.h ${CMAKE_CURRENT_LIST_DIR}/latency.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lint.h ${CMAKE_CURRENT_LIST_DIR}/lint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resilience.h ${CMAKE_CURRENT_LIST_DIR}/resilience.cpp
  ${NAPKIN_LATENCY_CPP})
