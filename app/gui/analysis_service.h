#pragma once
// The editor's one analysis of the open design: napkin::analyze() re-runs once per burst of edits (a short
// debounce after the last edit, undo, workload change, what-if or reset) and every dock and the canvas
// overlay read the same result from here. It runs on a worker thread (QtConcurrent) on a copy of the design
// taken when the run starts, so the editor never waits for it: edits made meanwhile go to the document as
// usual, and a result whose design has been edited since is dropped, never shown (a newer run follows).

#include "estimators/analysis.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <cstdint>

class QTimer;

namespace napkin::gui {

class Document;

class AnalysisService : public QObject {
    Q_OBJECT
public:
    explicit AnalysisService(Document& document, QObject* parent = nullptr);
    ~AnalysisService() override;

    /// The newest result that matches the design on screen (empty until the first run finishes).
    const Analysis& analysis() const { return m_analysis; }
    /// The document analysed: a shown result always matches its design.
    const Document& document() const { return m_document; }
    /// Starts a run now (cancelling a pending debounce); updated() follows when its result is current.
    void refresh();
    /// True while a run is scheduled or running.
    bool pending() const;
    /// How many runs of analyze() have finished, and how many of their results were dropped as stale.
    int runCount() const { return m_runs; }
    int discardedCount() const { return m_discarded; }

    /// The what-if: components and zones to fail. Re-analyzes now; a new design clears it.
    void setFailedIds(const QStringList& ids);
    QStringList failedIds() const { return m_failed; }
    /// The interview's failure drill shown in the what-if: failed beside the user's own choices until the
    /// drill ends (the controller sets an empty list). Not cleared by a new design.
    void setDrillFailedIds(const QStringList& ids);
    QStringList drillFailedIds() const { return m_drillFailed; }

signals:
    /// A result of the current design (and what-if) is in analysis().
    void updated();

private:
    struct Run {
        std::uint64_t version = 0;
        Analysis analysis;
    };

    void schedule();
    void start();
    void finished();

    Document& m_document;
    QTimer* m_timer;
    QFutureWatcher<Run> m_watcher;
    Analysis m_analysis;
    QStringList m_failed;
    QStringList m_drillFailed;
    std::uint64_t m_version = 0; // bumped by every change of the design or the what-if
    bool m_running = false;
    bool m_rerun = false; // refresh() was asked for while a run was going
    int m_runs = 0;
    int m_discarded = 0;
};

} // namespace napkin::gui
