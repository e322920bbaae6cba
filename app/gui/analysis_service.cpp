#include "app/gui/analysis_service.h"

#include "app/gui/document.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace napkin::gui {

namespace {
constexpr int debounceMs = 150;
} // namespace

AnalysisService::AnalysisService(Document& document, QObject* parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(debounceMs);
    connect(m_timer, &QTimer::timeout, this, &AnalysisService::refresh);
    connect(&m_watcher, &QFutureWatcher<Run>::finished, this, &AnalysisService::finished);
    connect(&document, &Document::edited, this, &AnalysisService::schedule);
    connect(&document, &Document::workloadChanged, this, &AnalysisService::schedule);
    connect(&document, &Document::designReset, this, [this] {
        m_failed.clear();
        schedule();
    });
    refresh();
}

// The run owns its copy of the design, but the catalog and price table it reads are statics. A future whose
// result was taken is no longer valid and would never report finished: only a running one is waited for.
AnalysisService::~AnalysisService() {
    if (m_running)
        m_watcher.waitForFinished();
}

void AnalysisService::schedule() {
    ++m_version;
    m_timer->start();
}

bool AnalysisService::pending() const { return m_timer->isActive() || m_running; }

void AnalysisService::refresh() {
    m_timer->stop();
    if (m_running) {
        m_rerun = true; // analyze() cannot be interrupted: the newer run starts when this one ends
        return;
    }
    start();
}

void AnalysisService::start() {
    m_running = true;
    m_rerun = false;
    const Design& design = m_document.design();
    std::vector<std::string> failed;
    QStringList ids = m_failed + m_drillFailed;
    ids.sort();
    ids.removeDuplicates();
    for (const QString& id : std::as_const(ids))
        if (design.component(id.toStdString()) || design.zone(id.toStdString()))
            failed.push_back(id.toStdString());
    m_watcher.setFuture(QtConcurrent::run([snapshot = design, failed = std::move(failed), version = m_version] {
        return Run{version, analyze(snapshot, Catalog::builtin(), PriceTable::builtin(), failed)};
    }));
}

void AnalysisService::finished() {
    m_running = false;
    ++m_runs;
    Run run = m_watcher.future().takeResult();
    if (run.version != m_version || m_rerun) {
        ++m_discarded;
        if (!m_timer->isActive())
            start();
        return;
    }
    m_analysis = std::move(run.analysis);
    emit updated();
}

namespace {
// Sorted and without duplicates; true when that differs from `current`, which it then replaces.
bool replaceIds(QStringList& current, const QStringList& ids) {
    QStringList sorted = ids;
    sorted.sort();
    sorted.removeDuplicates();
    if (sorted == current)
        return false;
    current = sorted;
    return true;
}
} // namespace

void AnalysisService::setFailedIds(const QStringList& ids) {
    if (!replaceIds(m_failed, ids))
        return;
    ++m_version;
    refresh();
}

void AnalysisService::setDrillFailedIds(const QStringList& ids) {
    if (!replaceIds(m_drillFailed, ids))
        return;
    ++m_version;
    refresh();
}

} // namespace napkin::gui
