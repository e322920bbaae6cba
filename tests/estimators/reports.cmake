# Report writers: Markdown write-up (golden files in tests/data/golden), Mermaid export/import, DOT export.
napkin_add_test(tst_markdown_writeup SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_markdown_writeup.cpp LIBS napkin::estimators)
napkin_add_test(tst_mermaid SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mermaid.cpp LIBS napkin::estimators)
napkin_add_test(tst_mermaid_real SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mermaid_real.cpp LIBS napkin::estimators)
napkin_add_test(tst_dot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dot.cpp LIBS napkin::estimators)
# The draw.io suite compresses pages as draw.io does, to read them back.
find_package(ZLIB REQUIRED)
napkin_add_test(tst_drawio SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_drawio.cpp LIBS napkin::estimators ZLIB::ZLIB)
