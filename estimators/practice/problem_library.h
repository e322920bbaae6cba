#pragma once
// The problems shipped with Napkin. Every folder resources/problems/<slug>/ is compiled into the library
// (like the catalog), so the executable finds them from a fresh build and from an installed package alike,
// with no search path. Folders added later are picked up when CMake reconfigures (the glob is
// CONFIGURE_DEPENDS).

#include "estimators/practice/problem.h"

#include <optional>
#include <string>
#include <vector>

namespace napkin {

/// The two files of one problem folder, as text.
struct ProblemSource {
    std::string slug;
    std::string problemJson;
    std::string referenceNapkin; // empty when the folder has no reference.napkin
};

/// A problem with its loaded reference design.
struct LibraryProblem {
    Problem problem;
    Design reference;
};

/// Problems that failed to load, with every diagnostic; paths start with "<slug>/problem.json: " or
/// "<slug>/reference.napkin: ".
struct LibraryError {
    std::string slug;
    std::string file; // "problem.json" or "reference.napkin"
    Diagnostic diagnostic;
};

struct ProblemLibrary {
    std::vector<LibraryProblem> problems; // by slug
    std::vector<LibraryError> errors;

    const LibraryProblem* find(std::string_view slug) const;
};

/// The compiled-in problem folders, by slug.
const std::vector<ProblemSource>& builtinProblemSources();
/// Reads <directory>/problem.json and reference.napkin; nothing when problem.json cannot be read.
std::optional<ProblemSource> readProblemFolder(const std::string& directory);

/// Loads and cross-checks sources: problem.json, reference.napkin, and the problem against its reference.
ProblemLibrary loadProblemLibrary(const std::vector<ProblemSource>& sources,
                                  const Catalog& catalog = Catalog::builtin());
/// The built-in library, loaded once.
const ProblemLibrary& builtinProblemLibrary();

} // namespace napkin

namespace napkin {

/// The table of docs/problems.md (`napkin problems --markdown`): slug, title, difficulty, tags.
std::string problemTableMarkdown(const ProblemLibrary& library);
/// `napkin problems --json`: one object per problem with slug, title, difficulty, tags.
Json problemListJson(const ProblemLibrary& library);

} // namespace napkin
