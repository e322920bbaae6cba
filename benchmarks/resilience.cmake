# The resilience analyzers (SPOF search, availability, latency, lint) on generated designs.
napkin_add_benchmark(bench_resilience SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_resilience.cpp LIBS napkin::estimators)
