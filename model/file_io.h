#pragma once
// Reading and writing the files a user names, safely: only regular files are read, and only up to a cap, so
// that /dev/zero, a FIFO without a writer or a directory gives a clear error instead of a hang or a crash;
// writes are atomic for regular files and never replace what the path names (see docs/file-format.md,
// "Reading and writing files").

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace napkin {

/// The most bytes Napkin reads from one input file (.napkin, Mermaid, template): 64 MiB.
inline constexpr std::size_t maxInputBytes = std::size_t{64} << 20;

struct ReadResult {
    std::optional<std::string> text;
    std::string error; // "cannot read PATH: is a directory" and the like, when there is no text
};

/// Reads a regular file of at most `maxBytes` bytes; anything else (directory, device, FIFO, socket, a file
/// that is too big) is refused with a reason. Never blocks on a FIFO.
ReadResult readInputFile(const std::string& path, std::size_t maxBytes = maxInputBytes);

struct SaveResult {
    bool ok = false;
    std::string error; // "cannot write PATH: reason", ready to show
};

/// Writes `text` to `path`. A regular file (or a new one) is written atomically: a temporary file beside it,
/// flushed and renamed over the old one, so a crash or a full disk never leaves a truncated file; the old
/// file's permissions are kept. A symbolic link is followed and its target written, never replaced. A
/// character device or a FIFO (/dev/null, /dev/stdout, a pipe) is written directly; a directory or any
/// other special file is refused.
SaveResult writeFileAtomically(const std::string& path, std::string_view text);

/// True when both paths name the same existing file (after symbolic links), so writing one loses the other.
bool isSameFile(const std::string& a, const std::string& b);

} // namespace napkin
