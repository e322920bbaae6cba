# Capacity estimation: envelope, load through the graph, cost, reports, and the whole analysis.

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/envelope.h ${CMAKE_CURRENT_SOURCE_DIR}/envelope.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/connections.h ${CMAKE_CURRENT_SOURCE_DIR}/connections.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/load_propagation.h ${CMAKE_CURRENT_SOURCE_DIR}/load_propagation.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cost.h ${CMAKE_CURRENT_SOURCE_DIR}/cost.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/capacity_report.h ${CMAKE_CURRENT_SOURCE_DIR}/capacity_report.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis.h ${CMAKE_CURRENT_SOURCE_DIR}/analysis.cpp)
# The dated reference price table is data in resources/reference/.
napkin_embed_text(napkin_estimators ${NAPKIN_RESOURCES_DIR}/reference/prices.json builtinPricesJson)
