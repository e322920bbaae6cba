#include "app/gui/analysis_service.h"

#include "app/gui/document.h"

#include <QTimer>

namespace napkin::gui {

namespace {
constexpr int debounceMs = 150;
} // namespace

AnalysisService::AnalysisService(Document& document, QObject* parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(debounceMs);
    connect(m_timer, &QTimer::timeout, this, &AnalysisService::refresh);
    connect(&document, &Document::edited, this, &AnalysisService::schedule);
    connect(&document, &Document::workloadChanged, this, &AnalysisService::schedule);
    connect(&document, &Document::designReset, this, [this] {
        m_failed.clear();
        schedule();
    });
    refresh();
}

void AnalysisService::schedule() { m_timer->start(); }

bool AnalysisService::pending() const { return m_timer->isActive(); }

void AnalysisService::refresh() {
    m_timer->stop();
    const Design& design = m_document.design();
    std::vector<std::string> failed;
    for (const QString& id : std::as_const(m_failed))
        if (design.component(id.toStdString()) || design.zone(id.toStdString()))
            failed.push_back(id.toStdString());
    m_analysis = analyze(design, Catalog::builtin(), PriceTable::builtin(), failed);
    ++m_runs;
    emit updated();
}

void AnalysisService::setFailedIds(const QStringList& ids) {
    QStringList sorted = ids;
    sorted.sort();
    sorted.removeDuplicates();
    if (sorted == m_failed)
        return;
    m_failed = sorted;
    refresh();
}

} // namespace napkin::gui
