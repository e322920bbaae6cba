#pragma once
// The editor's one analysis of the open design: napkin::analyze() re-runs once per burst of edits (a short
// debounce after the last edit, undo, workload change or reset) and every dock and the canvas overlay read
// the same result from here. It runs on the GUI thread: 1 K components take ~65 ms.

#include "estimators/analysis.h"

#include <QObject>
#include <QStringList>

class QTimer;

namespace napkin::gui {

class Document;

class AnalysisService : public QObject {
    Q_OBJECT
public:
    explicit AnalysisService(Document& document, QObject* parent = nullptr);

    const Analysis& analysis() const { return m_analysis; }
    /// Re-analyzes now (cancelling a pending run) and emits updated().
    void refresh();
    /// True while a run is scheduled but has not happened yet.
    bool pending() const;
    /// How many times analyze() has run, for tests and benchmarks.
    int runCount() const { return m_runs; }

    /// The what-if: components and zones to fail. Re-analyzes now; a new design clears it.
    void setFailedIds(const QStringList& ids);
    QStringList failedIds() const { return m_failed; }

signals:
    void updated();

private:
    void schedule();

    Document& m_document;
    QTimer* m_timer;
    Analysis m_analysis;
    QStringList m_failed;
    int m_runs = 0;
};

} // namespace napkin::gui
