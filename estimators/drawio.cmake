# draw.io both ways: the .drawio reader (plain and compressed pages) and writer (docs/export.md).
# pugixml parses the XML (a small, non-recursive DOM parser: a deep file cannot overflow the stack) and
# zlib inflates compressed pages, so that neither is hand-written.
find_package(pugixml REQUIRED)
find_package(ZLIB REQUIRED)
target_sources(napkin_estimators PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/drawio_import.h ${CMAKE_CURRENT_SOURCE_DIR}/drawio_import.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/drawio_writer.h ${CMAKE_CURRENT_SOURCE_DIR}/drawio_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/drawio_styles.h ${CMAKE_CURRENT_SOURCE_DIR}/drawio_styles.cpp)
target_link_libraries(napkin_estimators PRIVATE pugixml::pugixml ZLIB::ZLIB)
# Napkin's icons, for the writer's shapes: injected by the callers (builtinIcons()), never read from Qt resources.
file(GLOB napkin_icon_files CONFIGURE_DEPENDS ${NAPKIN_RESOURCES_DIR}/icons/*.svg)
list(SORT napkin_icon_files)
napkin_embed_files(napkin_estimators builtinIconFiles ${NAPKIN_RESOURCES_DIR}/icons ${napkin_icon_files})
