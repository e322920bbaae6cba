# Writes the default write-up template into a C++ source file as a raw string literal.
file(READ ${INPUT} TEMPLATE_TEXT)
string(FIND "${TEMPLATE_TEXT}" ")napkin_template\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "writeup.md contains the raw-string delimiter")
endif()
file(WRITE ${OUTPUT} "// Generated from resources/templates/writeup.md; do not edit.\n"
  "namespace napkin {\nextern const char* const builtinWriteupTemplate;\n"
  "const char* const builtinWriteupTemplate = R\"napkin_template(${TEMPLATE_TEXT})napkin_template\";\n}\n")
