#pragma once
// The look of a design, measured: the check behind docs/look.md and tst_look. It lays the design out as the
// editor does (a real scene and view, headless) and counts what a reader notices — labels cut with "…",
// link labels on boxes, on other labels or under other links' lines, boxes on boxes or across the border
// of a zone they are not in, crossings and shared tracks of links, and text under 9 px at the zoom the
// design opens at.

#include "model/design.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

namespace napkin::gui {

struct LookReport {
    int cutLabels = 0;        // component labels drawn with "…" at 100 %
    int labelsOnBoxes = 0;    // link label boxes that overlap a component's box (with its replica cards)
    int labelsOnCaptions = 0; // link label boxes that overlap a zone's caption (its name and kind)
    int labelsOnLabels = 0;   // pairs of link labels that overlap
    int labelsUnderLines = 0; // link labels another link's line runs through
    int boxesOnBoxes = 0;     // pairs of component boxes (with their replica cards) that overlap
    int boxesOnBorders = 0; // component boxes across the border of a zone they are not in, or on its caption
    int crossings = 0;      // points where two links' lines cross
    int sharedTracks = 0;   // pairs of parallel link segments closer than 4 px that run along each other
    int leaders = 0;        // link labels set apart from their line, joined to it by a leader
    int smallTexts = 0;     // link and component labels under 9 px tall at the opening zoom
    double openingZoom = 1;
    QStringList details; // one line per problem found, naming the ids
    QStringList crossed; // one line per crossing, naming the two links
    /// The counts that must be zero on every bundled design.
    int overlaps() const {
        return cutLabels + labelsOnBoxes + labelsOnCaptions + labelsOnLabels + labelsUnderLines +
               boxesOnBoxes + boxesOnBorders;
    }
};

/// The canvas a design opens in on a 1440 × 900 screen with the default dock layout, in logical pixels.
inline constexpr QSize defaultCanvasSize{880, 560};

LookReport measureLook(const Design& design, QSize canvas = defaultCanvasSize);

struct LookRow {
    QString name; // "examples/tiny-url" or "problems/chat"
    int components = 0;
    int links = 0;
    LookReport report;
    int arrangedCrossings = 0; // crossings once Arrange ▸ Auto-arrange has laid the whole design out
};

/// Every bundled example (resources/examples, from `examplesDirectory`) and every problem reference.
std::vector<LookRow> measureBundledDesigns(const QString& examplesDirectory);
/// The table of docs/look.md.
QString lookTableMarkdown(const std::vector<LookRow>& rows);

} // namespace napkin::gui
