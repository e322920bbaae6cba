#include "estimators/practice/problem_library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace napkin {

// Generated from resources/problems/ by cmake/embed_problems.cmake.
std::vector<ProblemSource> embeddedProblemSources();

namespace {

std::optional<std::string> readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void addErrors(ProblemLibrary& library, const std::string& slug, const std::string& file,
               const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            library.errors.push_back({slug, file, d});
}

} // namespace

const LibraryProblem* ProblemLibrary::find(std::string_view slug) const {
    for (const LibraryProblem& entry : problems)
        if (entry.problem.slug == slug)
            return &entry;
    return nullptr;
}

const std::vector<ProblemSource>& builtinProblemSources() {
    static const std::vector<ProblemSource> sources = [] {
        std::vector<ProblemSource> all = embeddedProblemSources();
        std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.slug < b.slug; });
        return all;
    }();
    return sources;
}

std::optional<ProblemSource> readProblemFolder(const std::string& directory) {
    const std::filesystem::path folder(directory);
    std::optional<std::string> problem = readText(folder / "problem.json");
    if (!problem)
        return std::nullopt;
    return ProblemSource{folder.filename().string(), std::move(*problem),
                         readText(folder / "reference.napkin").value_or("")};
}

ProblemLibrary loadProblemLibrary(const std::vector<ProblemSource>& sources, const Catalog& catalog) {
    ProblemLibrary library;
    for (const ProblemSource& source : sources) {
        ProblemLoadResult problem = loadProblem(source.problemJson, source.slug, catalog);
        addErrors(library, source.slug, "problem.json", problem.diagnostics);
        if (source.referenceNapkin.empty()) {
            library.errors.push_back(
                {source.slug, "reference.napkin", {Diagnostic::Severity::Error, "", "is missing"}});
            continue;
        }
        LoadResult reference = loadDesign(source.referenceNapkin, catalog);
        addErrors(library, source.slug, "reference.napkin", reference.diagnostics);
        if (!problem.problem || !reference.design)
            continue;
        const std::vector<Diagnostic> mismatches = checkAgainstReference(*problem.problem, *reference.design);
        addErrors(library, source.slug, "problem.json", mismatches);
        if (mismatches.empty())
            library.problems.push_back({std::move(*problem.problem), std::move(*reference.design)});
    }
    return library;
}

const ProblemLibrary& builtinProblemLibrary() {
    static const ProblemLibrary library = loadProblemLibrary(builtinProblemSources());
    return library;
}

} // namespace napkin

namespace napkin {

std::string problemTableMarkdown(const ProblemLibrary& library) {
    std::string table = "| problem | title | difficulty | tags |\n|---|---|---|---|\n";
    for (const LibraryProblem& entry : library.problems) {
        const Problem& p = entry.problem;
        std::string tags;
        for (const std::string& tag : p.tags)
            tags += (tags.empty() ? "" : ", ") + tag;
        table += "| `" + p.slug + "` | " + p.title + " | " + std::string(toString(p.difficulty)) + " | " +
                 tags + " |\n";
    }
    return table;
}

Json problemListJson(const ProblemLibrary& library) {
    Json list = Json::array();
    for (const LibraryProblem& entry : library.problems)
        list.push_back({{"slug", entry.problem.slug},
                        {"title", entry.problem.title},
                        {"difficulty", toString(entry.problem.difficulty)},
                        {"tags", entry.problem.tags}});
    return list;
}

} // namespace napkin
