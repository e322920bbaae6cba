#pragma once
// The practice library in the editor: File ▸ New from Problem… (a gallery of the problems with a thumbnail
// of each reference diagram, to practise from a blank canvas or study the reference) and Help ▸ Problem, a
// dock with the statement, hints revealed one at a time and follow-up questions with hidden answers. The
// problems come from estimators/practice (the same library as `napkin problems`). docs/problems.md.

#include "estimators/practice/problem_library.h"

#include <QDialog>
#include <QDockWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace napkin::gui {

class MainWindow;

enum class ProblemStart { Practise, Study };

/// The untitled design a problem opens as: its title and statement in the brief and nothing drawn
/// (practise), or a copy of the reference (study). Both name the problem in the file ("problem": slug).
Design designForProblem(const LibraryProblem& entry, ProblemStart start);
/// The slug of the problem a design is attached to, or empty.
std::string attachedProblem(const Design& design);
/// Replaces the window's design (after asking to save) with a new untitled one for the problem.
bool openProblem(MainWindow& window, const LibraryProblem& entry, ProblemStart start);

class ProblemGalleryDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ProblemGalleryDialog(const ProblemLibrary& library, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return m_search; }
    QListWidget* list() const { return m_list; }
    QPushButton* practiseButton() const { return m_practise; }
    QPushButton* studyButton() const { return m_study; }
    /// After the dialog is accepted: the chosen problem's slug and how to start.
    QString chosenSlug() const { return m_chosen; }
    ProblemStart chosenStart() const { return m_start; }

  private:
    void filter(const QString& text);
    void choose(ProblemStart start);
    void updateButtons();

    QLineEdit* m_search;
    QListWidget* m_list;
    QPushButton* m_practise;
    QPushButton* m_study;
    QString m_chosen;
    ProblemStart m_start = ProblemStart::Practise;
};

class ProblemDock : public QDockWidget {
    Q_OBJECT
  public:
    explicit ProblemDock(MainWindow& window);

    QLabel* statementLabel() const { return m_statement; }
    QPushButton* hintButton() const { return m_hintButton; }
    int hintsShown() const { return m_hintsShown; }
    /// The "Show answer" buttons and the answers, one per follow-up question.
    const QList<QPushButton*>& answerButtons() const { return m_answerButtons; }
    const QList<QLabel*>& answers() const { return m_answers; }

  private:
    void rebuild();
    void showNextHint();
    void updateHintButton();
    void addFollowUps(const Problem& problem, QVBoxLayout* layout);

    MainWindow& m_window;
    std::string m_slug;
    QWidget* m_content = nullptr;
    QLabel* m_statement = nullptr;
    QPushButton* m_hintButton = nullptr;
    QList<QLabel*> m_hints;
    int m_hintsShown = 0;
    QList<QPushButton*> m_answerButtons;
    QList<QLabel*> m_answers;
};

/// Adds File ▸ New from Problem…, the Problem dock and Help ▸ Problem to `window`.
void installPracticeActions(MainWindow& window);

} // namespace napkin::gui
