#pragma once
// Ctrl+K quick-add: a small popup where one types a kind's name; the best match is listed first and Enter
// picks it.

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace napkin::gui {

class QuickAddPopup : public QDialog {
    Q_OBJECT
public:
    explicit QuickAddPopup(QWidget* parent = nullptr);

    /// Clears the search and shows the popup centred over the parent.
    void popup();
    QLineEdit* searchField() const { return m_search; }
    QListWidget* matchList() const { return m_list; }

signals:
    void kindChosen(const QString& kind);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void refilter(const QString& text);
    void fitToMatches(int shown);
    void choose();

    QLineEdit* m_search;
    QListWidget* m_list;
};

} // namespace napkin::gui
