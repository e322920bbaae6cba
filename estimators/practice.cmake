# The practice library: interview problems, their validation, and checking a design against one.
# docs/problems.md describes the format and the checks.

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/practice/problem.h ${CMAKE_CURRENT_LIST_DIR}/practice/problem.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice/problem_library.h ${CMAKE_CURRENT_LIST_DIR}/practice/problem_library.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice/problem_check.h ${CMAKE_CURRENT_LIST_DIR}/practice/problem_check.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice/grading.h ${CMAKE_CURRENT_LIST_DIR}/practice/grading.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice/interview_session.h ${CMAKE_CURRENT_LIST_DIR}/practice/interview_session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice/interview_review.h ${CMAKE_CURRENT_LIST_DIR}/practice/interview_review.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice/drill.h ${CMAKE_CURRENT_LIST_DIR}/practice/drill.cpp)

# Every problem folder is compiled in; a new folder is seen at the next build (the glob reconfigures).
file(GLOB napkin_problem_files CONFIGURE_DEPENDS
  ${NAPKIN_RESOURCES_DIR}/problems/*/problem.json ${NAPKIN_RESOURCES_DIR}/problems/*/reference.napkin)
set(napkin_problem_slugs "")
foreach(file IN LISTS napkin_problem_files)
  get_filename_component(folder ${file} DIRECTORY)
  get_filename_component(slug ${folder} NAME)
  list(APPEND napkin_problem_slugs ${slug})
endforeach()
list(REMOVE_DUPLICATES napkin_problem_slugs)
list(SORT napkin_problem_slugs)
string(REPLACE ";" "," napkin_problem_slug_text "${napkin_problem_slugs}")
set(napkin_problems_output ${CMAKE_CURRENT_BINARY_DIR}/embedded_problems.cpp)
add_custom_command(
  OUTPUT ${napkin_problems_output}
  COMMAND ${CMAKE_COMMAND} -DPROBLEMS_DIR=${NAPKIN_RESOURCES_DIR}/problems "-DSLUGS=${napkin_problem_slug_text}"
          -DOUTPUT=${napkin_problems_output} -P ${PROJECT_SOURCE_DIR}/cmake/embed_problems.cmake
  DEPENDS ${napkin_problem_files} ${PROJECT_SOURCE_DIR}/cmake/embed_problems.cmake
  COMMENT "Embedding the problem library")
target_sources(napkin_estimators PRIVATE ${napkin_problems_output})
