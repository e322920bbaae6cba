# The full capacity analysis on generated designs, against a plain Boost.Graph BFS as the floor.
napkin_add_benchmark(bench_analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_analysis.cpp LIBS napkin::estimators)
