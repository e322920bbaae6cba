#include "app/cli/command_line.h"

#include "app/cli/commands.h"

#include "model/napkin_file.h"

#include <QCommandLineParser>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#include <vector>
#include <ostream>

namespace napkin::cli {
namespace {

bool standardOutputClosed = false;

// One entry per subcommand; each lives in its own file.
struct Command {
    const char* name;
    int (*run)(const QStringList&, std::ostream&, std::ostream&);
    int (*runWithRenderer)(const QStringList&, std::ostream&, std::ostream&, const DiagramRenderer&) = nullptr;
};

const Command commands[] = {
    {"validate", validateCommand},
    {"analyze", analyzeCommand},
    {"export", nullptr, exportCommand},
    {"import", importCommand},
    {"problems", problemsCommand},
    {"check", checkCommand},
    {"format", formatCommand},
};

void printUsage(std::ostream& out) {
    out << "Usage: napkin [FILE.napkin]            open the editor\n"
           "       napkin validate FILE...          check designs; exit 1 when any has an error\n"
           "       napkin analyze FILE [--json]     summarize and analyze a design\n"
           "       napkin export FILE --format md|mermaid|dot|drawio|svg|png|pdf [-o OUT] [--template T]\n"
           "                                        the write-up or the diagram\n"
           "       napkin import FILE.mmd|FILE.drawio [--page N] [-o OUT.napkin]\n"
           "                                        Mermaid flowchart or draw.io diagram → new design\n"
           "       napkin problems [--json|--markdown]  list the interview problems\n"
           "       napkin check FILE [--problem SLUG] [--json] [--drill TYPE|all]\n"
           "                                        check a design against a problem; exit 1 when a\n"
           "                                        critical check is missed or a drill breaks it\n"
           "       napkin format FILE [--in-place | -o OUT]  rewrite a design in the canonical layout\n"
           "       napkin --help | --version\n"
           "\n"
           "Run 'napkin COMMAND --help' for the options of a command.\n";
}

// The length of the UTF-8 sequence `bytes` starts with, or 0 when it starts with a byte that is not UTF-8.
std::size_t validUtf8Length(std::string_view bytes) {
    const auto lead = static_cast<unsigned char>(bytes[0]);
    if (lead < 0x80)
        return 1;
    const std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4                                 ? 4
                                                                                              : 0;
    if (length == 0 || bytes.size() < length)
        return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((static_cast<unsigned char>(bytes[k]) & 0xC0) != 0x80)
            return 0;
    const auto second = static_cast<unsigned char>(bytes[1]);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second > 0x8F))
        return 0; // overlong, a surrogate, or past U+10FFFF
    return length;
}

// Edit distance, for "did you mean validate?".
std::size_t distance(const QString& a, const QString& b) {
    std::vector<std::size_t> row(static_cast<std::size_t>(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = static_cast<std::size_t>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[static_cast<std::size_t>(j)];
            row[static_cast<std::size_t>(j)] =
                std::min({above + 1, row[static_cast<std::size_t>(j) - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row.back();
}

int unknownCommand(const QString& command, std::ostream& err) {
    err << "napkin: '" << local(command) << "' is neither a command nor an existing file";
    const char* closest = nullptr;
    std::size_t best = 3; // farther than two edits is no longer a typo
    for (const Command& entry : commands)
        if (const std::size_t d = distance(command.toLower(), QString::fromLatin1(entry.name)); d < best) {
            best = d;
            closest = entry.name;
        }
    if (closest)
        err << "; did you mean " << closest << "?";
    err << "\n";
    printUsage(err);
    return UsageError;
}

} // namespace

bool isCommandLineInvocation(const QStringList& arguments) {
    if (arguments.size() < 2)
        return false;
    const QString& first = arguments.at(1);
    for (const Command& command : commands)
        if (first == command.name)
            return true;
    if (first == "--help" || first == "-h" || first == "--version" || first == "-v" || first == "help")
        return true;
    // Only an existing file opens the editor (options such as -platform go to Qt); anything else is a
    // mistyped command, answered here rather than by a window that may not be able to open.
    std::error_code error;
    return !first.startsWith('-') && !std::filesystem::exists(pathOf(first), error);
}

namespace {
int dispatch(const QStringList& arguments, std::ostream& out, std::ostream& err, const DiagramRenderer& renderer);
} // namespace

int run(const QStringList& arguments, std::ostream& out, std::ostream& err, const DiagramRenderer& renderer) {
    return finished(dispatch(arguments, out, err, renderer), out, err);
}

namespace {

int dispatch(const QStringList& arguments, std::ostream& out, std::ostream& err, const DiagramRenderer& renderer) {
    const QString command = arguments.value(1);
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage(out);
        return Success;
    }
    if (command == "--version" || command == "-v") {
        out << "napkin " << NAPKIN_VERSION << "\n";
        return Success;
    }
    for (const Command& entry : commands)
        if (command == entry.name)
            return entry.run ? entry.run(arguments, out, err) : entry.runWithRenderer(arguments, out, err, renderer);
    return unknownCommand(command, err);
}

} // namespace

int finished(int code, std::ostream& out, std::ostream& err) {
    out.flush();
    if (out.good())
        return code;
    // A full disk or a closed standard output: what the user asked for was not written. The stream keeps
    // no reason, so ask the descriptor itself (an empty line is all it could add, if it works again).
    std::string reason = standardOutputClosed ? ": it is closed" : "";
    if (&out == &std::cout && !standardOutputClosed && ::write(STDOUT_FILENO, "\n", 1) < 0)
        reason = std::string(": ") + std::strerror(errno);
    err << "napkin: cannot write to standard output" << reason << "\n";
    return code == Success ? Failure : code;
}

void guardStandardOutput() {
    if (::fcntl(STDOUT_FILENO, F_GETFD) != -1)
        return;
    // Started with standard output closed: the next file opened would become descriptor 1 and receive the
    // output. Hold descriptor 1 with a pipe nobody reads, so that writing fails (EPIPE) and is reported.
    standardOutputClosed = true;
    std::signal(SIGPIPE, SIG_IGN);
    int ends[2];
    if (::pipe(ends) == 0) {
        ::close(ends[0]);
        if (ends[1] != STDOUT_FILENO) {
            ::dup2(ends[1], STDOUT_FILENO);
            ::close(ends[1]);
        }
    }
}

QStringList argumentsFrom(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << argumentFrom(argv[i]);
    return arguments;
}

QString argumentFrom(std::string_view bytes) {
    QString result;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = validUtf8Length(bytes.substr(i));
        if (length > 0) {
            result += QString::fromUtf8(bytes.data() + i, static_cast<qsizetype>(length));
            i += length;
        } else { // a byte that is not UTF-8 is kept as a lone surrogate, which pathOf turns back into it
            result += QChar(static_cast<char16_t>(0xDC00 + static_cast<unsigned char>(bytes[i])));
            ++i;
        }
    }
    return result;
}

std::string pathOf(const QString& argument) {
    std::string result;
    QString run;
    for (qsizetype i = 0; i < argument.size(); ++i) {
        const char16_t unit = argument.at(i).unicode();
        const bool escapedByte = unit >= 0xDC80 && unit <= 0xDCFF && (i == 0 || !argument.at(i - 1).isHighSurrogate());
        if (!escapedByte) {
            run += argument.at(i);
            continue;
        }
        result += run.toStdString();
        run.clear();
        result += static_cast<char>(unit - 0xDC00);
    }
    return result + run.toStdString();
}

} // namespace napkin::cli
