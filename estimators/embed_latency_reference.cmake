# Writes resources/reference/latency.json into a C++ source file as a raw string literal.
file(READ ${INPUT} REFERENCE_TEXT)
string(FIND "${REFERENCE_TEXT}" ")napkin_latency\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "latency.json contains the raw-string delimiter")
endif()
file(WRITE ${OUTPUT} "// Generated from resources/reference/latency.json; do not edit.\n"
  "namespace napkin {\nextern const char* const latencyReferenceJson;\n"
  "const char* const latencyReferenceJson = R\"napkin_latency(${REFERENCE_TEXT})napkin_latency\";\n}\n")
