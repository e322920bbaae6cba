# Capacity estimator suites (envelope, load through the graph, cost, the whole analysis).
napkin_add_test(tst_envelope SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_envelope.cpp LIBS napkin::estimators)
foreach(suite load_propagation cost analysis)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_${suite}.cpp)
    napkin_add_test(tst_${suite} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${suite}.cpp LIBS napkin::estimators)
  endif()
endforeach()
