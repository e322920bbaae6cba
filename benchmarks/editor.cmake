# The editor: open + first paint of generated designs, and repaint while panning (offscreen platform).
napkin_add_benchmark(bench_editor SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_editor.cpp LIBS napkin::gui)
# Big SVG and PDF exports, and the GUI thread's share of an analysis run (offscreen platform).
napkin_add_benchmark(bench_export SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_export.cpp LIBS napkin::gui)
