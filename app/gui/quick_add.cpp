#include "app/gui/quick_add.h"

#include "app/gui/palette_panel.h"
#include "model/catalog.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace napkin::gui {
namespace {

constexpr int orderRole = Qt::UserRole + 1; // the catalog's order, for ties
constexpr int maximumRows = 10;

} // namespace

QuickAddPopup::QuickAddPopup(QWidget* parent) : QDialog(parent), m_search(new QLineEdit), m_list(new QListWidget) {
    setWindowTitle(tr("Quick add"));
    setWindowFlag(Qt::FramelessWindowHint);
    setObjectName("quickAddPopup");
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
    setFixedWidth(420);
    int order = 0;
    for (const KindSpec& kind : Catalog::builtin().kinds()) {
        auto* item = new QListWidgetItem(QIcon(":/icons/" + QString::fromStdString(kind.icon)),
                                         QString::fromStdString(kind.name), m_list);
        item->setData(Qt::UserRole, QString::fromStdString(kind.id));
        item->setToolTip(QString::fromStdString(kind.description));
        item->setData(orderRole, order++);
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
    struct Ranked {
        int score;
        int order;
        QListWidgetItem* item;
    };
    std::vector<Ranked> ranked;
    while (m_list->count() > 0) {
        QListWidgetItem* item = m_list->takeItem(0);
        ranked.push_back(
            {kindMatchScore(item->data(Qt::UserRole).toString(), text), item->data(orderRole).toInt(), item});
    }
    // Best first: exact, then prefix, then a word's start, then anywhere; the catalog's order among equals.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        const bool aShown = a.score >= 0;
        const bool bShown = b.score >= 0;
        if (aShown != bShown)
            return aShown;
        return std::pair(a.score, a.order) < std::pair(b.score, b.order);
    });
    int shown = 0;
    for (const Ranked& entry : ranked) {
        m_list->addItem(entry.item);
        entry.item->setHidden(entry.score < 0);
        shown += entry.score >= 0 ? 1 : 0;
    }
    m_list->setCurrentItem(shown > 0 ? m_list->item(0) : nullptr);
    fitToMatches(shown);
}

void QuickAddPopup::fitToMatches(int shown) {
    // As tall as the matches, up to a screenful of rows: no empty list under two results.
    const int rows = std::clamp(shown, 1, maximumRows);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), m_list->iconSize().height() + 4);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
    m_list->setVisible(shown > 0);
    adjustSize();
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

void QuickAddPopup::paintEvent(QPaintEvent* event) {
    QDialog::paintEvent(event);
    // The frameless popup's edge, drawn from the palette so that it follows the theme (a style sheet would
    // not).
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
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
