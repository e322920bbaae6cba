# Capacity estimator suites (envelope, load through the graph, cost, the whole analysis).
napkin_add_test(tst_envelope SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_envelope.cpp LIBS napkin::estimators)
foreach(suite load_propagation connections cost analysis)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_${suite}.cpp)
    napkin_add_test(tst_${suite} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${suite}.cpp LIBS napkin::estimators)
  endif()
endforeach()

# The Workload and Estimates docks (GUI): only when the app is built.
if(TARGET napkin_gui)
  napkin_add_test(tst_workload_dock SOURCES ${CMAKE_CURRENT_LIST_DIR}/../app/tst_workload_dock.cpp LIBS napkin::gui)
endif()
