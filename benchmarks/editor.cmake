# The editor: open + first paint of generated designs, and repaint while panning (offscreen platform).
napkin_add_benchmark(bench_editor SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_editor.cpp LIBS napkin::gui)
