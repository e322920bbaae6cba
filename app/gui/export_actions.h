#pragma once
// The editor's Export menu (Markdown write-up, Mermaid, DOT, SVG, PNG 1× and 2×, PDF of the diagram, PDF
// of the write-up, Mermaid, draw.io) and File ▸ Import ▸ Mermaid and draw.io, which ask the user to confirm the
// guessed kinds in one list.

#include "estimators/mermaid_import.h"

#include <QDialog>

class QTableWidget;

namespace napkin::gui {

class MainWindow;

/// The entries of the Export menu.
enum class EditorExport { WriteupMarkdown, WriteupPdf, Svg, Png, Png2x, DiagramPdf, Mermaid, Dot, Drawio };

/// What an Export menu entry runs once a file is chosen: the code `napkin export` runs (exportDesign and the
/// estimators' writers), so both give the same bytes. Returns empty or the reason; `warning` says when the
/// image was drawn at a smaller scale to fit.
QString exportFromEditor(const Design& design, EditorExport what, const QString& path, QString* warning = nullptr);

/// Adds the export and import actions to `window`'s menus.
void installExportActions(MainWindow& window);

/// Lists every imported component with its guessed kind (a drop-down of all kinds) and why it was guessed;
/// design() returns the import with the kinds the user chose.
class MermaidKindsDialog : public QDialog {
    Q_OBJECT
public:
    MermaidKindsDialog(const MermaidImportResult& result, QWidget* parent = nullptr);
    /// The same list for any import (draw.io): the design and one guess per component.
    MermaidKindsDialog(const Design& design, const std::vector<std::pair<std::string, KindGuess>>& guesses,
                       QWidget* parent = nullptr);
    Design design() const;

private:
    Design m_design;
    QTableWidget* m_table;
};

} // namespace napkin::gui
