# Report writers: the Markdown write-up, Mermaid and DOT diagrams, and the Mermaid importer.

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/text_escape.h ${CMAKE_CURRENT_SOURCE_DIR}/text_escape.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/markdown_writeup.h ${CMAKE_CURRENT_SOURCE_DIR}/markdown_writeup.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_writer.h ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/dot_writer.h ${CMAKE_CURRENT_SOURCE_DIR}/dot_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/kind_guess.h ${CMAKE_CURRENT_SOURCE_DIR}/kind_guess.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_import.h ${CMAKE_CURRENT_SOURCE_DIR}/mermaid_import.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/zone_ends.h ${CMAKE_CURRENT_SOURCE_DIR}/zone_ends.cpp)
# The default write-up template is plain text in resources/templates/.
napkin_embed_text(napkin_estimators ${NAPKIN_RESOURCES_DIR}/templates/writeup.md builtinWriteupTemplate)
