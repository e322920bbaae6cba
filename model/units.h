#pragma once
// Human numbers: "10k", "1.5M", "500 GB", "20ms", "2.5 M/s" in; "1.5 M", "170 GB" out. Used by the
// inspector, the workload editor and every report so that a number reads the same everywhere.

#include <optional>
#include <string>
#include <string_view>

namespace napkin {

struct ParsedNumber {
    std::optional<double> value; // in the unit asked for
    std::string error;           // why not, when value is empty
};

/// Parses `text` as a quantity in `unit` ("" for a plain count, "GB", "ms", "QPS", "%", "B", …). Accepts
/// suffixes k/K, M, B/G (billion), T, and, for byte units, KB MB GB TB PB (decimal) and KiB…PiB (binary),
/// and for time units ns us ms s min h. Rejects NaN, infinities and trailing junk with a reason.
ParsedNumber parseHumanNumber(std::string_view text, std::string_view unit = "");

/// The editable text of a value in `unit`, the way a user writes it and exact: parseHumanNumber(result, unit)
/// gives `value` back. The largest suffix that needs at most two decimals wins (1e7 → "10 M", 1500 → "1.5 K",
/// 2000 GB → "2 TB", 1500 ms → "1.5 s", 1048576 B → "1 MiB"); the field's own unit is left out (500 GB → "500"),
/// and a value no suffix writes exactly stays plain (12345678 → "12345678").
std::string formatHumanNumber(double value, std::string_view unit = "");

/// 1234 → "1.23 K", 2.5e6 → "2.5 M", 3.6e9 → "3.6 bn" (never "B", which is bytes); three significant digits.
std::string formatCount(double value);
/// Bytes with decimal (KB, MB, …) or binary (KiB, MiB, …) units: 1.7e11 → "170 GB".
std::string formatBytes(double bytes, bool binary = false);
/// Seconds as ns/µs/ms/s/min/h/days.
std::string formatDuration(double seconds);
/// Three significant digits, trailing zeros dropped: 193.0 → "193", 0.012345 → "0.0123".
std::string formatSignificant(double value, int digits = 3);

} // namespace napkin
