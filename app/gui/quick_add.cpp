#include "app/gui/quick_add.h"

#include "app/gui/palette_panel.h"
#include "model/catalog.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace napkin::gui {

QuickAddPopup::QuickAddPopup(QWidget* parent) : QDialog(parent), m_search(new QLineEdit), m_list(new QListWidget) {
    setWindowTitle(tr("Quick add"));
    setWindowFlag(Qt::FramelessWindowHint);
    setObjectName("quickAddPopup");
    setStyleSheet("#quickAddPopup { border: 1px solid palette(mid); border-radius: 6px; }");
    setModal(false);
    m_search->setPlaceholderText(tr("Type a component: cache, kafka, load balancer…"));
    m_search->setObjectName("quickAddSearch");
    m_search->installEventFilter(this);
    m_list->setIconSize(QSize(22, 22));
    m_list->setObjectName("quickAddList");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(420, 340);
    for (const KindSpec& kind : Catalog::builtin().kinds()) {
        auto* item = new QListWidgetItem(QIcon(":/icons/" + QString::fromStdString(kind.icon)),
                                         QString::fromStdString(kind.name), m_list);
        item->setData(Qt::UserRole, QString::fromStdString(kind.id));
        item->setToolTip(QString::fromStdString(kind.description));
    }
    connect(m_search, &QLineEdit::textChanged, this, &QuickAddPopup::refilter);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickAddPopup::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickAddPopup::choose);
}

void QuickAddPopup::popup() {
    m_search->clear();
    refilter({});
    if (parentWidget()) {
        const QRect area = parentWidget()->geometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 5);
    }
    show();
    raise();
    activateWindow();
    m_search->setFocus();
}

void QuickAddPopup::refilter(const QString& text) {
    QListWidgetItem* best = nullptr;
    int bestScore = 3;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const int score = kindMatchScore(item->data(Qt::UserRole).toString(), text);
        item->setHidden(score < 0);
        if (score >= 0 && score < bestScore) { // "kafka" picks the queue (an alias), not "kafka streams"
            best = item;
            bestScore = score;
        }
    }
    m_list->setCurrentItem(best);
}

void QuickAddPopup::choose() {
    QListWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    const QString kind = item->data(Qt::UserRole).toString();
    hide();
    if (parentWidget())
        parentWidget()->activateWindow(); // hand the keyboard back, so that Ctrl+K works again at once
    emit kindChosen(kind);
}

bool QuickAddPopup::eventFilter(QObject* watched, QEvent* event) {
    // Up/Down move through the matches while the caret stays in the search field.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            int row = m_list->currentRow();
            do
                row += key == Qt::Key_Down ? 1 : -1;
            while (row >= 0 && row < m_list->count() && m_list->item(row)->isHidden());
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
        if (key == Qt::Key_Escape) {
            hide();
            if (parentWidget())
                parentWidget()->activateWindow();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace napkin::gui
