# The concept reference: the code on fixtures (tests/data/concepts), and the real content in resources/.
napkin_add_test(tst_concepts SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_concepts.cpp LIBS napkin::estimators)
napkin_add_test(tst_concept_content SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_concept_content.cpp LIBS napkin::estimators)
