# Tests of the resilience analyzers (estimators/resilience.cmake).
foreach(suite spof availability erlang latency lint)
  napkin_add_test(tst_${suite} SOURCES tst_${suite}.cpp resilience_fixtures.h LIBS napkin::estimators)
endforeach()
