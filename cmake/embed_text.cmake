# Writes a resource file into a C++ source as a byte array and a function `std::string_view SYMBOL()`.
# Portable: no string-literal length limit, any bytes. Run by napkin_embed_text() at build time.
file(READ ${INPUT} TEXT_HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," TEXT_BYTES "${TEXT_HEX}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n"
  "#include <string_view>\nnamespace napkin {\n"
  "namespace { const unsigned char bytes[] = {${TEXT_BYTES}0x00}; }\n"
  "std::string_view ${SYMBOL}() {\n"
  "    return {reinterpret_cast<const char*>(bytes), sizeof bytes - 1};\n}\n}\n")
