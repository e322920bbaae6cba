# Capacity estimation: envelope, load through the graph, cost, reports, and the whole analysis.

# The reference price table is data in resources/; compile it in so that nothing is looked up at run time.
set(NAPKIN_PRICES_JSON ${NAPKIN_RESOURCES_DIR}/reference/prices.json)
set(NAPKIN_PRICES_CPP ${CMAKE_CURRENT_BINARY_DIR}/builtin_prices.cpp)
file(READ ${NAPKIN_PRICES_JSON} NAPKIN_PRICES_TEXT)
string(FIND "${NAPKIN_PRICES_TEXT}" ")napkin_prices\"" NAPKIN_PRICES_CLASH)
if(NOT NAPKIN_PRICES_CLASH EQUAL -1)
  message(FATAL_ERROR "prices.json contains the raw-string delimiter")
endif()
file(CONFIGURE OUTPUT ${NAPKIN_PRICES_CPP} CONTENT
  "// Generated from resources/reference/prices.json; do not edit.\nnamespace napkin {\nextern const char* const builtinPricesJson;\nconst char* const builtinPricesJson = R\"napkin_prices(@NAPKIN_PRICES_TEXT@)napkin_prices\";\n}\n"
  @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${NAPKIN_PRICES_JSON})

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/envelope.h ${CMAKE_CURRENT_SOURCE_DIR}/envelope.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/load_propagation.h ${CMAKE_CURRENT_SOURCE_DIR}/load_propagation.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cost.h ${CMAKE_CURRENT_SOURCE_DIR}/cost.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/capacity_report.h ${CMAKE_CURRENT_SOURCE_DIR}/capacity_report.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis.h ${CMAKE_CURRENT_SOURCE_DIR}/analysis.cpp
  ${NAPKIN_PRICES_CPP})
