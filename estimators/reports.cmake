# Report writers: the Markdown write-up, Mermaid and DOT diagrams, and the Mermaid importer.

# The default write-up template is plain text in resources/; compile it in like the catalog.
set(NAPKIN_WRITEUP_TEMPLATE ${NAPKIN_RESOURCES_DIR}/templates/writeup.md)
set(NAPKIN_WRITEUP_TEMPLATE_CPP ${CMAKE_CURRENT_BINARY_DIR}/builtin_writeup_template.cpp)
add_custom_command(
  OUTPUT ${NAPKIN_WRITEUP_TEMPLATE_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${NAPKIN_WRITEUP_TEMPLATE} -DOUTPUT=${NAPKIN_WRITEUP_TEMPLATE_CPP}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/embed_writeup_template.cmake
  DEPENDS ${NAPKIN_WRITEUP_TEMPLATE} ${CMAKE_CURRENT_SOURCE_DIR}/embed_writeup_template.cmake
  COMMENT "Embedding the write-up template")

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/text_escape.h ${CMAKE_CURRENT_SOURCE_DIR}/text_escape.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/markdown_writeup.h ${CMAKE_CURRENT_SOURCE_DIR}/markdown_writeup.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_writer.h ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/dot_writer.h ${CMAKE_CURRENT_SOURCE_DIR}/dot_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_import.h ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_import.cpp
  ${NAPKIN_WRITEUP_TEMPLATE_CPP})
