# The concept reference and trade-off cards: parser, library, search and relevance (docs/concepts.md).

target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/concepts/concept_text.h ${CMAKE_CURRENT_SOURCE_DIR}/concepts/concept_text.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/concepts/concept_library.h ${CMAKE_CURRENT_SOURCE_DIR}/concepts/concept_library.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/concepts/tradeoff_signals.h ${CMAKE_CURRENT_SOURCE_DIR}/concepts/tradeoff_signals.cpp)
# The content is Markdown in resources/concepts and resources/tradeoffs, compiled in like the catalog so that
# a fresh build, the tests and the .deb all carry the same library. CONFIGURE_DEPENDS picks up new files.
file(GLOB napkin_concept_files CONFIGURE_DEPENDS ${NAPKIN_RESOURCES_DIR}/concepts/*.md)
file(GLOB napkin_tradeoff_files CONFIGURE_DEPENDS ${NAPKIN_RESOURCES_DIR}/tradeoffs/*.md)
list(SORT napkin_concept_files)
list(SORT napkin_tradeoff_files)
napkin_embed_files(napkin_estimators builtinConceptFiles ${PROJECT_SOURCE_DIR}
  ${napkin_concept_files} ${napkin_tradeoff_files})
