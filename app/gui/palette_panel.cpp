#include "app/gui/palette_panel.h"

#include "app/gui/mime_types.h"
#include "model/catalog.h"

#include <QFontMetricsF>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QMimeData>
#include <QResizeEvent>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace napkin::gui {

namespace {
constexpr int kindRole = Qt::UserRole + 1;

QString zoneKindName(ZoneKind kind) {
    const auto name = displayName(kind);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}
} // namespace

class PaletteTree : public QTreeWidget {
  public:
    using QTreeWidget::QTreeWidget;

  protected:
    // Rows wrap their names to the column's width (RoomyRows): a new width asks for new row heights.
    void resizeEvent(QResizeEvent* event) override {
        QTreeWidget::resizeEvent(event);
        scheduleDelayedItemsLayout();
    }
    QStringList mimeTypes() const override { return {kindMimeType}; }
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        if (items.isEmpty() || items.front()->data(0, kindRole).toString().isEmpty())
            return nullptr;
        auto* mime = new QMimeData;
        mime->setData(kindMimeType, items.front()->data(0, kindRole).toString().toUtf8());
        return mime;
    }
};

int kindMatchScore(const QString& kindId, const QString& text) {
    if (!kindMatches(kindId, text))
        return -1;
    const QString needle = text.trimmed();
    const KindSpec* spec = Catalog::builtin().kind(kindId.toStdString());
    if (!spec || needle.isEmpty())
        return 3;
    std::vector<std::string> names = spec->aliases;
    names.push_back(spec->name);
    names.push_back(spec->id);
    names.push_back(spec->shortName);
    int best = 3;
    for (const std::string& name : names) {
        const QString candidate = QString::fromStdString(name);
        if (candidate.compare(needle, Qt::CaseInsensitive) == 0)
            return 0;
        for (qsizetype at = candidate.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = candidate.indexOf(needle, at + 1, Qt::CaseInsensitive)) {
            if (at == 0)
                best = std::min(best, 1);
            else if (!candidate.at(at - 1).isLetterOrNumber())
                best = std::min(best, 2); // "cache" in "edge cache", "queue" in "task_queue"
        }
    }
    return best;
}

bool kindMatches(const QString& kindId, const QString& text) {
    const QString needle = text.trimmed();
    if (kindId.startsWith(zoneKindPrefix)) {
        const auto kind = zoneKindFromString(kindId.mid(zoneKindPrefix.size()).toStdString());
        return kind && (needle.isEmpty() || zoneKindName(*kind).contains(needle, Qt::CaseInsensitive) ||
                        QStringLiteral("zone container").contains(needle, Qt::CaseInsensitive) ||
                        kindId.contains(needle, Qt::CaseInsensitive));
    }
    if (kindId == noteKind)
        return needle.isEmpty() || QStringLiteral("note sticky text").contains(needle, Qt::CaseInsensitive);
    const KindSpec* spec = Catalog::builtin().kind(kindId.toStdString());
    if (!spec)
        return false;
    if (needle.isEmpty())
        return true;
    auto has = [&](const std::string& value) {
        return QString::fromStdString(value).contains(needle, Qt::CaseInsensitive);
    };
    if (has(spec->name) || has(spec->id) || has(spec->shortName))
        return true;
    return std::any_of(spec->aliases.begin(), spec->aliases.end(), has);
}

namespace {

// Rows a little taller than the icon. A style sheet did this before, but a widget with a style sheet keeps
// the palette it was polished with, and so stayed light after View ▸ Appearance ▸ Dark.
// A name too long for the palette's width wraps onto a second line rather than being cut with "…": the
// row's height is measured at the width the row really has (the view asks without one).
class RoomyRows : public QStyledItemDelegate {
  public:
    explicit RoomyRows(QTreeView* tree) : QStyledItemDelegate(tree), m_tree(tree) {}
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem sized = option;
        int depth = 0;
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            ++depth;
        const int width = m_tree->columnWidth(0) - depth * m_tree->indentation();
        if (width > 0)
            sized.rect = QRect(0, 0, width, option.rect.height() > 0 ? option.rect.height() : 1);
        return QStyledItemDelegate::sizeHint(sized, index) + QSize(4, 6);
    }

  private:
    QTreeView* m_tree;
};

/// The narrowest width at which `text` takes at most two lines, broken at a space.
qreal twoLineWidth(const QFontMetricsF& metrics, const QString& text) {
    qreal best = metrics.horizontalAdvance(text);
    for (qsizetype at = text.indexOf(' '); at > 0; at = text.indexOf(' ', at + 1))
        best = std::min(best, std::max(metrics.horizontalAdvance(text.left(at)),
                                       metrics.horizontalAdvance(text.mid(at + 1))));
    return best;
}

/// How much of a row's width is not text: the icon and the style's margins on either side of the text.
int rowOverhead(const QTreeWidget& tree, const QTreeWidgetItem& item) {
    QStyleOptionViewItem option;
    option.initFrom(tree.viewport());
    option.rect = QRect(0, 0, 400, 40);
    option.font = item.font(0);
    option.text = item.text(0);
    option.icon = item.icon(0);
    option.decorationSize = tree.iconSize();
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::WrapText;
    if (!option.icon.isNull())
        option.features |= QStyleOptionViewItem::HasDecoration;
    const QRect text = tree.style()->subElementRect(QStyle::SE_ItemViewItemText, &option, &tree);
    return text.left() + tree.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, &tree) + 1;
}

/// The palette is never so narrow that a name takes more than two lines (or a word is cut): wide enough for
/// the widest entry broken at its best space, with the tree's indentation and scroll bar.
int wholeNamesWidth(const QTreeWidget& tree) {
    int widest = 0;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget*>(&tree)); *it; ++it) {
        const QTreeWidgetItem& item = **it;
        const int indent = item.parent() ? tree.indentation() : 0;
        const qreal text = twoLineWidth(QFontMetricsF(item.font(0)), item.text(0));
        widest = std::max(widest, indent + rowOverhead(tree, item) + static_cast<int>(std::ceil(text)) + 1);
    }
    return widest + tree.style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, &tree);
}

} // namespace

PalettePanel::PalettePanel(QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit), m_tree(new PaletteTree) {
    m_search->setPlaceholderText(tr("Search components…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName("paletteSearch");
    m_tree->setObjectName("paletteTree");
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(8);
    m_tree->setIconSize(QSize(24, 24));
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(false); // a long name takes two lines
    m_tree->setWordWrap(true);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setItemDelegate(new RoomyRows(m_tree));

    const Catalog& catalog = Catalog::builtin();
    for (const Category& category : catalog.categories()) {
        auto* group = new QTreeWidgetItem(m_tree, {QString::fromStdString(category.name)});
        QFont bold = group->font(0);
        bold.setWeight(QFont::DemiBold);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        for (const KindSpec& kind : catalog.kinds()) {
            if (kind.category != category.id)
                continue;
            auto* entry = new QTreeWidgetItem(group, {QString::fromStdString(kind.name)});
            entry->setIcon(0, QIcon(":/icons/" + QString::fromStdString(kind.icon)));
            entry->setData(0, kindRole, QString::fromStdString(kind.id));
            entry->setToolTip(0, QString::fromStdString(kind.description));
            entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    auto* containers = new QTreeWidgetItem(m_tree, {tr("Zones & Notes")});
    QFont bold = containers->font(0);
    bold.setWeight(QFont::DemiBold);
    containers->setFont(0, bold);
    containers->setFlags(Qt::ItemIsEnabled);
    auto addEntry = [&](const QString& payload, const QString& name, const QString& icon,
                        const QString& tip) {
        auto* entry = new QTreeWidgetItem(containers, {name});
        entry->setIcon(0, QIcon(":/icons/" + icon));
        entry->setData(0, kindRole, payload);
        entry->setToolTip(0, tip);
        entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    };
    for (ZoneKind kind : allZoneKinds())
        addEntry(zoneKindPrefix +
                     QString::fromUtf8(toString(kind).data(), static_cast<qsizetype>(toString(kind).size())),
                 zoneKindName(kind), "zone.svg", tr("A container: what is inside moves with it"));
    addEntry(noteKind, tr("Note"), "note.svg", tr("Sticky text anywhere on the whiteboard"));
    m_tree->expandAll();
    m_tree->setMinimumWidth(wholeNamesWidth(*m_tree));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);

    connect(m_search, &QLineEdit::textChanged, this, &PalettePanel::setFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString kind = item->data(0, kindRole).toString();
        if (!kind.isEmpty())
            emit kindActivated(kind);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QStringList kinds = visibleKinds();
        if (!kinds.isEmpty())
            emit kindActivated(kinds.front());
    });
}

QTreeWidget* PalettePanel::tree() const {
    return m_tree;
}

void PalettePanel::setFilter(const QString& text) {
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        bool anyVisible = false;
        for (int k = 0; k < group->childCount(); ++k) {
            QTreeWidgetItem* entry = group->child(k);
            const bool visible = kindMatches(entry->data(0, kindRole).toString(), text);
            entry->setHidden(!visible);
            anyVisible = anyVisible || visible;
        }
        group->setHidden(!anyVisible);
    }
}

QStringList PalettePanel::visibleKinds() const {
    QStringList kinds;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = m_tree->topLevelItem(g);
        if (group->isHidden())
            continue;
        for (int k = 0; k < group->childCount(); ++k)
            if (!group->child(k)->isHidden())
                kinds << group->child(k)->data(0, kindRole).toString();
    }
    return kinds;
}

} // namespace napkin::gui
