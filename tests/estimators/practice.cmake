# Tests of the practice library (estimators/practice.cmake): the problem format, every bundled problem, the checks.
napkin_add_test(tst_problems SOURCES tst_problems.cpp LIBS napkin::estimators)
napkin_add_test(tst_problem_format SOURCES tst_problem_format.cpp LIBS napkin::estimators)
napkin_add_test(tst_grading SOURCES tst_grading.cpp LIBS napkin::estimators)
napkin_add_test(tst_interview_session SOURCES tst_interview_session.cpp LIBS napkin::estimators)
napkin_add_test(tst_interview_review SOURCES tst_interview_review.cpp LIBS napkin::estimators)
napkin_add_test(tst_examples_wording SOURCES tst_examples_wording.cpp LIBS napkin::estimators)
napkin_add_test(tst_drill SOURCES tst_drill.cpp LIBS napkin::estimators)
