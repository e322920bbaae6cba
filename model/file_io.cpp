#include "model/file_io.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace napkin {
namespace {

std::string kindOf(mode_t mode) {
    if (S_ISDIR(mode))
        return "is a directory";
    if (S_ISCHR(mode))
        return "is a character device, not a regular file";
    if (S_ISBLK(mode))
        return "is a block device, not a regular file";
    if (S_ISFIFO(mode))
        return "is a pipe (FIFO), not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

std::string sizeText(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0)
        return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    // Closes now, so that a failing close (NFS, full disk) can be reported.
    int close() {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }

private:
    int m_fd;
};

bool writeAll(int fd, std::string_view text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

// The file a path finally names: symbolic links followed (the last one may point to a file not yet made).
std::string followLinks(std::string path) {
    for (int hops = 0; hops < 40; ++hops) {
        char target[PATH_MAX];
        const ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
        if (n < 0)
            return path;
        std::string next(target, static_cast<std::size_t>(n));
        if (next.front() != '/') {
            const std::size_t slash = path.rfind('/');
            next = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + next;
        }
        path = std::move(next);
    }
    return path;
}

// Devices and pipes are written in place: replacing /dev/null or a FIFO with a regular file is never wanted.
SaveResult writeInPlace(const std::string& shown, const std::string& path, bool isFifo, std::string_view text) {
    auto fail = [&](const std::string& reason) { return SaveResult{false, "cannot write " + shown + ": " + reason}; };
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0)
        return fail(isFifo && errno == ENXIO ? "no program is reading the pipe" : std::strerror(errno));
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    if (!writeAll(fd.get(), text) || fd.close() != 0)
        return fail(std::strerror(errno));
    return {true, {}};
}

} // namespace

ReadResult readInputFile(const std::string& path, std::size_t maxBytes) {
    // Non-blocking, so that opening a FIFO without a writer returns at once; fstat then refuses it.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0)
        return {std::nullopt, "cannot open " + path + ": " + std::strerror(errno)};
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0)
        return {std::nullopt, "cannot read " + path + ": " + std::strerror(errno)};
    if (!S_ISREG(info.st_mode))
        return {std::nullopt, "cannot read " + path + ": " + kindOf(info.st_mode)};
    const std::string tooBig = "cannot read " + path + ": larger than " + sizeText(maxBytes) +
                               ", the most Napkin reads from one file";
    if (static_cast<std::size_t>(info.st_size) > maxBytes)
        return {std::nullopt, tooBig};
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return {std::nullopt, "cannot read " + path + ": " + std::strerror(errno)};
        if (n == 0)
            break;
        if (text.size() + static_cast<std::size_t>(n) > maxBytes) // the file grew while being read
            return {std::nullopt, tooBig};
        text.append(buffer, static_cast<std::size_t>(n));
    }
    return {std::move(text), {}};
}

SaveResult writeFileAtomically(const std::string& shown, std::string_view text) {
    const std::string path = followLinks(shown);
    auto fail = [&](const std::string& reason) { return SaveResult{false, "cannot write " + shown + ": " + reason}; };
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && (S_ISCHR(existing.st_mode) || S_ISFIFO(existing.st_mode)))
        return writeInPlace(shown, path, S_ISFIFO(existing.st_mode), text);
    if (exists && !S_ISREG(existing.st_mode))
        return fail(kindOf(existing.st_mode));
    const std::string temporary = path + ".saving-" + std::to_string(::getpid());
    auto failAndClean = [&](const char* what) {
        const std::string reason = std::strerror(errno);
        ::unlink(temporary.c_str());
        return fail(what + reason);
    };
    // A new file gets the usual 0666 less the umask; an existing one keeps its permissions.
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (fd.get() < 0)
        return fail(std::strerror(errno));
    if (exists && ::fchmod(fd.get(), existing.st_mode & 07777) != 0)
        return failAndClean("cannot keep the permissions: ");
    if (!writeAll(fd.get(), text))
        return failAndClean("");
    if (::fsync(fd.get()) != 0)
        return failAndClean("cannot flush: ");
    if (fd.close() != 0)
        return failAndClean("");
    if (::rename(temporary.c_str(), path.c_str()) != 0)
        return failAndClean("cannot replace the old file: ");
    return {true, {}};
}

bool isSameFile(const std::string& a, const std::string& b) {
    struct stat first {};
    struct stat second {};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
           first.st_ino == second.st_ino;
}

} // namespace napkin
