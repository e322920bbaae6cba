#pragma once
// The diagram's SVG, written by a paint device of our own. QSvgGenerator keeps the whole body as a UTF-16
// QString until the end, then copies it twice more (a QTextStream buffer, the UTF-8 bytes), and opens a
// group of ten style attributes at every state change, even when nothing is drawn in it: 7.5 KB and 45 KB
// of memory a component, minutes at 100 K components (docs/benchmarks.md). This device appends UTF-8 to one
// string, opens a group only when something is drawn in a style other than the last one, and formats
// numbers without a locale.

#include <QPaintDevice>
#include <QSizeF>
#include <QString>

#include <memory>
#include <string>

namespace napkin::gui {

class SvgPaintEngine;

class SvgWriter : public QPaintDevice {
  public:
    /// Painting on this device in the coordinates (0, 0)–`size` appends an SVG document to `out`; the
    /// document is complete when the painter ends. `title` and `description` are plain text.
    SvgWriter(std::string& out, QSizeF size, QString title, QString description);
    ~SvgWriter() override;
    SvgWriter(const SvgWriter&) = delete;
    SvgWriter& operator=(const SvgWriter&) = delete;

    QPaintEngine* paintEngine() const override;

  protected:
    int metric(PaintDeviceMetric metric) const override;

  private:
    QSizeF m_size;
    std::unique_ptr<SvgPaintEngine> m_engine;
};

} // namespace napkin::gui
