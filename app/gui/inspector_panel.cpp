#include "app/gui/inspector_panel.h"

#include "app/gui/document.h"
#include "estimators/concepts/concept_library.h"
#include "model/editing/change_kind.h"
#include "model/text_rules.h"
#include "model/units.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScopedValueRollback>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace napkin::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }
QString qs(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

QString displayValue(const Json& value, std::string_view unit = "") {
    if (value.is_number())
        return qs(formatHumanNumber(value.get<double>(), unit));
    if (value.is_string())
        return qs(value.get<std::string>());
    if (value.is_boolean())
        return value.get<bool>() ? "yes" : "no";
    if (value.is_array()) {
        QStringList parts;
        for (const Json& item : value)
            parts << (item.is_string() ? qs(item.get<std::string>()) : qs(item.dump()));
        return parts.join(", ");
    }
    return {};
}

/// The shared value of `key` over all targets, or nullopt when they differ.
std::optional<Json> commonValue(const PropertySpec& spec, const std::vector<const Properties*>& values) {
    std::optional<Json> common;
    for (const Properties* props : values) {
        const Json value = propertyOrDefault(*props, &spec, spec.key);
        if (common && *common != value)
            return std::nullopt;
        common = value;
    }
    return common;
}

Json numberJson(double value) {
    if (std::abs(value) < 9e15 && std::floor(value) == value)
        return Json(static_cast<long long>(value));
    return Json(value);
}

QLabel* secondaryLabel(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

} // namespace

InspectorPanel::InspectorPanel(Document& document, QWidget* parent)
    : QWidget(parent), m_document(document), m_scroll(new QScrollArea) {
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    connect(&document, &Document::edited, this, &InspectorPanel::scheduleRefresh);
    connect(&document, &Document::designReset, this, [this] { setSelection({}); });
    rebuild();
}

void InspectorPanel::setSelection(const Selection& selection) {
    m_selection = selection;
    ++m_mergeSession;
    rebuild();
}

QWidget* InspectorPanel::field(const QString& key) const { return m_fields.value(key); }

QString InspectorPanel::fieldError(const QString& key) const {
    const QLabel* label = m_errors.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

QString InspectorPanel::mergeKey(const QString& field) const {
    return QString("inspector:%1:%2").arg(m_mergeSession).arg(field);
}

bool InspectorPanel::execute(const Edit& edit, const QString& text, QString* error, const QString& mergeKey) {
    const QScopedValueRollback ownEdit(m_applyingOwnEdit, true);
    return m_document.execute(edit, text, error, mergeKey);
}

void InspectorPanel::scheduleRefresh() {
    // The inspector's own edit: the field being typed in is the truth, rebuilding would move its cursor.
    // Any other edit (undo from the toolbar, a move on the canvas) rebuilds, and starts a new typing step.
    if (m_applyingOwnEdit || m_refreshPending)
        return;
    ++m_mergeSession;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        rebuildKeepingFocus();
    });
}

QString InspectorPanel::focusedFieldKey() const {
    const QWidget* focus = QApplication::focusWidget();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (focus && (focus == it.value() || it.value()->isAncestorOf(focus)))
            return it.key();
    return {};
}

void InspectorPanel::rebuildKeepingFocus() {
    const QString key = focusedFieldKey();
    const auto* line = qobject_cast<const QLineEdit*>(field(key));
    const int cursor = line ? line->cursorPosition() : -1;
    rebuild();
    QWidget* again = field(key);
    if (key.isEmpty() || !again)
        return;
    again->setFocus(Qt::OtherFocusReason);
    if (auto* newLine = qobject_cast<QLineEdit*>(again); newLine && cursor >= 0)
        newLine->setCursorPosition(std::min(cursor, int(newLine->text().size())));
}

void InspectorPanel::rebuild() {
    m_fields.clear();
    m_errors.clear();
    m_content = new QWidget;
    m_form = new QFormLayout(m_content);
    m_form->setContentsMargins(12, 12, 12, 12);
    m_form->setVerticalSpacing(6);
    m_form->setHorizontalSpacing(10);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    const Design& design = m_document.design();
    const Link* link = m_selection.links.size() == 1 ? design.link(m_selection.links.front()) : nullptr;
    const Zone* zone = m_selection.zones.size() == 1 ? design.zone(m_selection.zones.front()) : nullptr;
    const Note* note = m_selection.notes.size() == 1 ? design.note(m_selection.notes.front()) : nullptr;
    const bool anyComponent = std::any_of(m_selection.components.begin(), m_selection.components.end(),
                                          [&](const std::string& id) { return design.component(id); });
    if (anyComponent)
        buildComponents();
    else if (link)
        buildLink(*link);
    else if (zone)
        buildZone(*zone);
    else if (note)
        buildNote(*note);
    else
        addHeading(tr("Nothing selected"),
                   tr("Select a component, link or zone to edit it. Drag kinds from the palette, or press "
                      "Ctrl+K to add one by name."));
    m_scroll->setWidget(m_content); // deletes the previous content
}

void InspectorPanel::addHeading(const QString& title, const QString& subtitle) {
    auto* heading = new QLabel(title);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setWeight(QFont::DemiBold);
    heading->setFont(font);
    heading->setWordWrap(true);
    m_form->addRow(heading);
    if (!subtitle.isEmpty())
        m_form->addRow(secondaryLabel(subtitle));
}

void InspectorPanel::addRow(const QString& key, const QString& name, QWidget* editor, const QString& help) {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }
    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    // The error floats under its field, outside the layout: showing it mid-edit moves no other field.
    auto* error = new QLabel(m_content);
    error->setObjectName("fieldError");
    error->setWordWrap(true);
    error->setMargin(3);
    error->setFrameShape(QFrame::StyledPanel);
    error->setAutoFillBackground(true);
    error->setBackgroundRole(QPalette::ToolTipBase);
    error->setForegroundRole(QPalette::ToolTipText);
    error->hide();
    auto* label = new QLabel(name);
    QString tip = help;
    // A property the concept reference explains links to its entry ("read_quorum" → quorums).
    if (const auto entries = ConceptLibrary::builtin().entriesForProperty(key.toStdString()); !entries.empty()) {
        label->setText(QStringLiteral("%1 <a href=\"property:%2\">?</a>").arg(name.toHtmlEscaped(), key));
        label->setTextFormat(Qt::RichText);
        label->setObjectName("referenceLink");
        connect(label, &QLabel::linkActivated, this, &InspectorPanel::referenceRequested);
        tip += (tip.isEmpty() ? "" : "\n\n") + tr("? opens “%1” in the Reference panel").arg(qs(entries.front()->title));
    }
    if (!tip.isEmpty()) {
        label->setToolTip(tip);
        editor->setToolTip(tip);
    }
    m_form->addRow(label, column);
    m_fields.insert(key, editor);
    m_errors.insert(key, error);
}

void InspectorPanel::setFieldError(const QString& key, const QString& error) {
    QLabel* label = m_errors.value(key);
    const QWidget* editor = m_fields.value(key);
    if (!label || !editor)
        return;
    label->setText(error);
    if (error.isEmpty()) {
        label->hide();
        return;
    }
    label->setFixedWidth(std::max(editor->width(), 120));
    label->setFixedHeight(label->heightForWidth(label->width()));
    label->move(editor->mapTo(m_content, QPoint(0, editor->height() + 1)));
    label->raise();
    label->show();
}

bool InspectorPanel::applyToComponents(const std::function<void(Component&)>& change, const QString& text,
                                       QString* error, const QString& key) {
    Compound edit;
    for (const std::string& id : m_selection.components)
        if (const Component* component = m_document.design().component(id)) {
            Component changed = *component;
            change(changed);
            if (changed != *component)
                edit.edits.push_back(UpdateComponent{std::move(changed)});
        }
    if (edit.edits.empty())
        return true;
    return execute(edit, text, error, key);
}

QWidget* InspectorPanel::propertyEditor(const PropertySpec& spec, const std::vector<const Properties*>& values,
                                        std::function<bool(std::optional<Json>, QString*, const QString&)> apply) {
    const QString key = qs(spec.key);
    const std::optional<Json> common = commonValue(spec, values);
    auto submit = [this, key, apply](std::optional<Json> value) {
        QString error;
        apply(std::move(value), &error, mergeKey(key));
        setFieldError(key, error);
    };
    switch (spec.type) {
    case PropertyType::Enum: {
        auto* combo = new QComboBox;
        if (!common)
            combo->addItem(tr("(mixed)"));
        for (const std::string& choice : spec.choices)
            combo->addItem(qs(identifierWords(choice)), qs(choice));
        if (common)
            combo->setCurrentIndex(combo->findData(displayValue(*common)));
        connect(combo, &QComboBox::activated, this, [combo, submit](int index) {
            const QString choice = combo->itemData(index).toString();
            if (!choice.isEmpty())
                submit(Json(choice.toStdString()));
        });
        return combo;
    }
    case PropertyType::Bool: {
        auto* check = new QCheckBox;
        check->setTristate(!common);
        check->setCheckState(!common ? Qt::PartiallyChecked
                                     : (common->is_boolean() && common->get<bool>() ? Qt::Checked : Qt::Unchecked));
        connect(check, &QCheckBox::clicked, this, [check, submit](bool checked) {
            check->setTristate(false);
            submit(Json(checked));
        });
        return check;
    }
    case PropertyType::Int:
    case PropertyType::Number:
    case PropertyType::String:
    case PropertyType::StringList: break;
    }
    auto* line = new QLineEdit(common ? displayValue(*common, spec.unit) : QString());
    line->setPlaceholderText(common ? tr("default: %1").arg(displayValue(spec.defaultValue, spec.unit))
                                    : tr("(mixed)"));
    const bool numeric = spec.type == PropertyType::Int || spec.type == PropertyType::Number;
    connect(line, &QLineEdit::textEdited, this, [this, spec, key, numeric, submit](const QString& text) {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty()) {
            submit(std::nullopt); // back to the catalog default
            return;
        }
        Json value;
        if (numeric) {
            const ParsedNumber parsed = parseHumanNumber(trimmed.toStdString(), spec.unit);
            if (!parsed.value) {
                setFieldError(key, qs(parsed.error));
                return;
            }
            value = numberJson(*parsed.value);
        } else if (spec.type == PropertyType::StringList) {
            value = Json::array();
            for (const QString& part : trimmed.split(',', Qt::SkipEmptyParts))
                value.push_back(part.trimmed().toStdString());
        } else {
            value = Json(trimmed.toStdString());
        }
        if (const std::string why = spec.check(value); !why.empty()) {
            setFieldError(key, qs(why));
            return;
        }
        submit(std::move(value));
    });
    connect(line, &QLineEdit::editingFinished, this, [this] { ++m_mergeSession; });
    if (!numeric)
        return line;
    auto* box = new QWidget;
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(line, 1);
    auto* unit = secondaryLabel(qs(spec.unit));
    unit->setWordWrap(false);
    unit->setMinimumWidth(unit->fontMetrics().horizontalAdvance("USD/h") + 4); // numbers line up, unit or not
    layout->addWidget(unit);
    box->setFocusProxy(line);
    line->setObjectName("valueEdit");
    return box;
}

void InspectorPanel::buildComponents() {
    const Design& design = m_document.design();
    const Catalog& catalog = Catalog::builtin();
    std::vector<const Component*> targets;
    for (const std::string& id : m_selection.components)
        if (const Component* c = design.component(id))
            targets.push_back(c);
    const Component& first = *targets.front();
    const KindSpec* firstSpec = catalog.kind(first.kind);
    const bool sameKind = std::all_of(targets.begin(), targets.end(),
                                      [&](const Component* c) { return c->kind == first.kind; });
    if (targets.size() == 1)
        addHeading(qs(first.label), firstSpec ? qs(firstSpec->name) + " — " + qs(firstSpec->description) : QString());
    else
        addHeading(tr("%1 components").arg(targets.size()),
                   sameKind && firstSpec ? qs(firstSpec->name) : tr("Shared properties are shown"));

    auto* label = new QLineEdit(targets.size() == 1 ? qs(first.label) : QString());
    label->setPlaceholderText(targets.size() == 1 ? QString() : tr("(mixed)"));
    connect(label, &QLineEdit::textEdited, this, [this](const QString& text) {
        const std::string value = text.trimmed().toStdString();
        if (value.empty()) {
            setFieldError("label", tr("a label must not be empty"));
            return;
        }
        QString error;
        applyToComponents([&](Component& c) { c.label = value; }, tr("Rename"), &error, mergeKey("label"));
        setFieldError("label", error);
    });
    connect(label, &QLineEdit::editingFinished, this, [this] { ++m_mergeSession; });
    label->setCursorPosition(0);
    addRow("label", tr("Label"), label);

    auto* kind = new QComboBox;
    if (!sameKind)
        kind->addItem(tr("(mixed)"));
    for (const KindSpec& spec : catalog.kinds())
        kind->addItem(QIcon(":/icons/" + qs(spec.icon)), qs(spec.name), qs(spec.id));
    if (sameKind)
        kind->setCurrentIndex(kind->findData(qs(first.kind)));
    connect(kind, &QComboBox::activated, this, [this, kind](int index) {
        const std::string newKind = kind->itemData(index).toString().toStdString();
        if (!Catalog::builtin().kind(newKind))
            return;
        QString error;
        applyToComponents([&](Component& c) { c = *changeKind(Catalog::builtin(), c, newKind); }, tr("Change kind"),
                          &error, {});
        setFieldError("kind", error);
    });
    addRow("kind", tr("Kind"), kind);

    auto* zone = new QComboBox;
    const bool sameZone = std::all_of(targets.begin(), targets.end(),
                                      [&](const Component* c) { return c->zone == first.zone; });
    if (!sameZone)
        zone->addItem(tr("(mixed)"), QString("\x01"));
    zone->addItem(tr("(none)"), QString());
    for (const Zone& z : design.zones())
        zone->addItem(qs(z.label) + "  ·  " + qs(displayName(z.kind)), qs(z.id));
    if (sameZone)
        zone->setCurrentIndex(zone->findData(qs(first.zone)));
    connect(zone, &QComboBox::activated, this, [this, zone](int index) {
        const QString id = zone->itemData(index).toString();
        if (id == QString("\x01"))
            return;
        QString error;
        applyToComponents([&](Component& c) { c.zone = id.toStdString(); }, tr("Change zone"), &error, {});
        setFieldError("zone", error);
    });
    addRow("zone", tr("Zone"), zone);

    if (!firstSpec)
        return;
    std::vector<const Properties*> values;
    for (const Component* c : targets)
        values.push_back(&c->props);
    for (const PropertySpec& spec : firstSpec->properties) {
        const bool shared = std::all_of(targets.begin(), targets.end(), [&](const Component* c) {
            const KindSpec* k = catalog.kind(c->kind);
            return k && k->property(spec.key);
        });
        if (!shared)
            continue;
        const std::string key = spec.key;
        auto apply = [this, key, name = qs(spec.name)](std::optional<Json> value, QString* error,
                                                       const QString& merge) {
            return applyToComponents(
                [&](Component& c) {
                    if (value)
                        c.props[key] = *value;
                    else
                        c.props.erase(key);
                },
                tr("Set %1").arg(name), error, merge);
        };
        QString help = qs(spec.help);
        if (spec.type == PropertyType::Int || spec.type == PropertyType::Number)
            help += tr("\nRange: %1 – %2 %3").arg(qs(formatNumber(spec.min)), qs(formatNumber(spec.max)), qs(spec.unit));
        addRow(qs(spec.key), qs(spec.name), propertyEditor(spec, values, apply), help.trimmed());
    }

    if (targets.size() == 1) {
        auto* notes = new QPlainTextEdit(qs(first.notes));
        notes->setPlaceholderText(tr("Deep-dive notes for the write-up"));
        notes->setFixedHeight(80);
        connect(notes, &QPlainTextEdit::textChanged, this, [this, notes] {
            const std::string text = notes->toPlainText().toStdString();
            QString error;
            applyToComponents([&](Component& c) { c.notes = text; }, tr("Edit notes"), &error, mergeKey("notes"));
        });
        addRow("notes", tr("Notes"), notes);
    }
    if (sameKind && !firstSpec->talkingPoints.empty()) {
        QString points;
        for (const std::string& point : firstSpec->talkingPoints)
            points += "• " + qs(point) + "\n";
        auto* heading = new QLabel(tr("Talking points"));
        QFont bold = heading->font();
        bold.setWeight(QFont::DemiBold);
        heading->setFont(bold);
        m_form->addRow(heading);
        m_form->addRow(secondaryLabel(points.trimmed()));
    }
}

void InspectorPanel::buildLink(const Link& link) {
    const Design& design = m_document.design();
    const Component* from = design.component(link.from);
    const Component* to = design.component(link.to);
    addHeading(tr("Link"), (from ? qs(from->label) : qs(link.from)) + "  →  " + (to ? qs(to->label) : qs(link.to)));
    const std::string id = link.id;
    auto update = [this, id](const std::function<void(Link&)>& change, const QString& text, QString* error,
                             const QString& merge) {
        const Link* current = m_document.design().link(id);
        if (!current)
            return false;
        Link changed = *current;
        change(changed);
        return changed == *current || execute(UpdateLink{std::move(changed)}, text, error, merge);
    };
    auto* label = new QLineEdit(qs(link.label));
    label->setPlaceholderText(tr("e.g. read alias"));
    connect(label, &QLineEdit::textEdited, this, [this, update](const QString& text) {
        QString error;
        update([&](Link& l) { l.label = text.trimmed().toStdString(); }, tr("Label link"), &error, mergeKey("label"));
        setFieldError("label", error);
    });
    connect(label, &QLineEdit::editingFinished, this, [this] { ++m_mergeSession; });
    addRow("label", tr("Label"), label);

    auto* protocol = new QComboBox;
    for (Protocol p : allProtocols())
        protocol->addItem(qs(displayName(p)), qs(toString(p)));
    protocol->setCurrentIndex(protocol->findData(qs(toString(link.protocol))));
    connect(protocol, &QComboBox::activated, this, [this, protocol, update](int index) {
        const auto value = protocolFromString(protocol->itemData(index).toString().toStdString());
        if (!value)
            return;
        QString error;
        update([&](Link& l) { l.protocol = *value; }, tr("Change protocol"), &error, {});
        setFieldError("protocol", error);
    });
    addRow("protocol", tr("Protocol"), protocol);

    const std::vector<const Properties*> values{&link.props};
    for (const PropertySpec& spec : Catalog::builtin().linkProperties()) {
        const std::string key = spec.key;
        auto apply = [update, key, name = qs(spec.name)](std::optional<Json> value, QString* error,
                                                         const QString& merge) {
            return update(
                [&](Link& l) {
                    if (value)
                        l.props[key] = *value;
                    else
                        l.props.erase(key);
                },
                QObject::tr("Set %1").arg(name), error, merge);
        };
        addRow(qs(spec.key), qs(spec.name), propertyEditor(spec, values, apply), qs(spec.help));
    }
}

void InspectorPanel::buildZone(const Zone& zone) {
    addHeading(qs(zone.label), tr("%1 — a container; what is inside moves with it").arg(qs(displayName(zone.kind))));
    const std::string id = zone.id;
    auto update = [this, id](const std::function<void(Zone&)>& change, const QString& text, QString* error,
                             const QString& merge) {
        const Zone* current = m_document.design().zone(id);
        if (!current)
            return false;
        Zone changed = *current;
        change(changed);
        return changed == *current || execute(UpdateZone{std::move(changed)}, text, error, merge);
    };
    auto* label = new QLineEdit(qs(zone.label));
    connect(label, &QLineEdit::textEdited, this, [this, update](const QString& text) {
        if (text.trimmed().isEmpty()) {
            setFieldError("label", tr("a label must not be empty"));
            return;
        }
        QString error;
        update([&](Zone& z) { z.label = text.trimmed().toStdString(); }, tr("Rename zone"), &error, mergeKey("label"));
        setFieldError("label", error);
    });
    connect(label, &QLineEdit::editingFinished, this, [this] { ++m_mergeSession; });
    addRow("label", tr("Label"), label);
    auto* kind = new QComboBox;
    for (ZoneKind k : allZoneKinds())
        kind->addItem(qs(displayName(k)), qs(toString(k)));
    kind->setCurrentIndex(kind->findData(qs(toString(zone.kind))));
    connect(kind, &QComboBox::activated, this, [this, kind, update](int index) {
        const auto value = zoneKindFromString(kind->itemData(index).toString().toStdString());
        if (!value)
            return;
        QString error;
        update([&](Zone& z) { z.kind = *value; }, tr("Change zone kind"), &error, {});
        setFieldError("kind", error);
    });
    addRow("kind", tr("Kind"), kind);
    const auto members = m_document.design().membersOf(zone.id);
    m_form->addRow(secondaryLabel(tr("%n component(s) inside", nullptr, static_cast<int>(members.size()))));
}

void InspectorPanel::buildNote(const Note& note) {
    addHeading(tr("Note"), tr("Sticky text on the whiteboard"));
    auto* text = new QPlainTextEdit(qs(note.text));
    text->setMinimumHeight(120);
    const std::string id = note.id;
    connect(text, &QPlainTextEdit::textChanged, this, [this, text, id] {
        const Note* current = m_document.design().note(id);
        if (!current)
            return;
        Note changed = *current;
        changed.text = text->toPlainText().toStdString();
        if (changed != *current)
            execute(UpdateNote{std::move(changed)}, tr("Edit note"), nullptr, mergeKey("text"));
    });
    addRow("text", tr("Text"), text);
}

} // namespace napkin::gui
