# Writes the catalog JSON into a C++ source file as a byte array (portable: no string-literal length limit).
file(READ ${INPUT} CATALOG_HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," CATALOG_BYTES "${CATALOG_HEX}")
file(WRITE ${OUTPUT} "// Generated from resources/catalog/catalog.json; do not edit.\n"
  "#include <string_view>\nnamespace napkin {\n"
  "namespace { const unsigned char catalogBytes[] = {${CATALOG_BYTES}}; }\n"
  "std::string_view builtinCatalogJson() {\n"
  "    return {reinterpret_cast<const char*>(catalogBytes), sizeof catalogBytes};\n}\n}\n")
