# Writes every problem folder (problem.json, reference.napkin) into one C++ source defining
# `std::vector<napkin::ProblemSource> napkin::embeddedProblemSources()`. Run by estimators/practice.cmake
# at build time with PROBLEMS_DIR (resources/problems), SLUGS (comma-separated) and OUTPUT.
function(napkin_bytes file out)
  if(EXISTS ${file})
    file(READ ${file} hex HEX)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  else()
    set(bytes "")
  endif()
  set(${out} "${bytes}" PARENT_SCOPE)
endfunction()

string(REPLACE "," ";" slugs "${SLUGS}")
set(arrays "")
set(entries "")
set(index 0)
foreach(slug IN LISTS slugs)
  napkin_bytes(${PROBLEMS_DIR}/${slug}/problem.json problem)
  napkin_bytes(${PROBLEMS_DIR}/${slug}/reference.napkin reference)
  string(APPEND arrays "const unsigned char problem${index}[] = {${problem}0x00};\n"
                       "const unsigned char reference${index}[] = {${reference}0x00};\n")
  string(APPEND entries "        {\"${slug}\", text(problem${index}, sizeof problem${index}), "
                        "text(reference${index}, sizeof reference${index})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE ${OUTPUT} "// Generated from ${PROBLEMS_DIR}; do not edit.\n"
  "#include \"estimators/practice/problem_library.h\"\n"
  "namespace napkin {\nnamespace {\n${arrays}"
  "std::string text(const unsigned char* bytes, std::size_t size) {\n"
  "    return {reinterpret_cast<const char*>(bytes), size - 1};\n}\n} // namespace\n"
  "std::vector<ProblemSource> embeddedProblemSources() {\n    return {\n${entries}    };\n}\n}\n")
