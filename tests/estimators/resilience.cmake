# Tests of the resilience analyzers (estimators/resilience.cmake).
foreach(suite spof availability erlang latency lint)
  napkin_add_test(tst_${suite} SOURCES tst_${suite}.cpp resilience_fixtures.h LIBS napkin::estimators)
endforeach()

# The Findings dock (app/gui/findings_dock.*) is the resilience analyzers' face in the editor.
if(TARGET napkin::gui)
  napkin_add_test(tst_findings_dock SOURCES ${CMAKE_CURRENT_LIST_DIR}/../app/tst_findings_dock.cpp LIBS napkin::gui)
endif()
if(TARGET napkin)
  napkin_add_test(tst_resilience_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/../app/tst_resilience_cli.cpp LIBS Qt6::Core)
  add_dependencies(tst_resilience_cli napkin)
endif()
