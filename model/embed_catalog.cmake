# Writes the catalog JSON into a C++ source file as a raw string literal.
file(READ ${INPUT} CATALOG_TEXT)
string(FIND "${CATALOG_TEXT}" ")napkin_catalog\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "catalog.json contains the raw-string delimiter")
endif()
file(WRITE ${OUTPUT} "// Generated from resources/catalog/catalog.json; do not edit.\n"
  "namespace napkin {\nextern const char* const builtinCatalogJson;\n"
  "const char* const builtinCatalogJson = R\"napkin_catalog(${CATALOG_TEXT})napkin_catalog\";\n}\n")
