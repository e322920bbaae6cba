// The problem library is content tested like code: every folder under resources/problems/ is found and
// checked here without new test code. Every problem.json validates; every reference design validates,
// analyzes with no unaccepted warning or error at its peak and at twice its peak (the workload's
// peak_factor doubled, autoscaled services grown with it as in the traffic drill), meets all its own checks
// and survives every drill of its problem's list; and for every must-have rule, copies of the reference with
// the matched components removed or weakened are reported unmet with the rule's failure code.

#include "estimators/analysis.h"
#include "estimators/practice/drill.h"
#include "estimators/practice/problem_check.h"
#include "estimators/practice/problem_library.h"
#include "estimators/request_paths.h"
#include "model/napkin_file.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <set>

using namespace napkin;

namespace {

QString problemsDir() {
    return QStringLiteral(NAPKIN_RESOURCES_DIR "/problems");
}

QStringList problemFolders() {
    return QDir(problemsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

LibraryProblem loadFolder(const QString& slug) {
    const std::optional<ProblemSource> source = readProblemFolder((problemsDir() + "/" + slug).toStdString());
    if (!source)
        qFatal("cannot read %s", qPrintable(slug));
    ProblemLibrary library = loadProblemLibrary({*source});
    if (library.problems.empty())
        qFatal("%s does not load: %s", qPrintable(slug),
               library.errors.front().diagnostic.toString().c_str());
    return std::move(library.problems.front());
}

std::string unacceptedFindings(const Analysis& analysis) {
    std::string text;
    for (const Finding& f : analysis.findings)
        if (f.severity != Severity::Info && f.acceptedReason.empty())
            text += "\n  " + f.rule + " " + (f.componentIds.empty() ? "" : f.componentIds.front()) + ": " +
                    f.message;
    return text;
}

std::string missedChecks(const ProblemCheck& check) {
    std::string text;
    for (const CheckResult& c : check.checks)
        if (!c.met)
            text += "\n  " + std::string(toString(c.kind)) + " " + c.id + ": " + c.reason;
    return text;
}

const CheckResult& resultOf(const ProblemCheck& check, const std::string& ruleId) {
    for (const CheckResult& c : check.checks)
        if (c.kind == CheckKind::Rule && c.id == ruleId)
            return c;
    qFatal("no result for rule %s", ruleId.c_str());
}

// What a mutation of the reference does, and the failure codes that count as "the right reason".
struct Mutation {
    std::string name;
    std::set<CheckFailure> expected;
    std::function<void(Design&)> apply;
};

const Operation* userOperation(const ProblemCheck& check, const Design& design,
                               const std::string& problemOperation, const Problem& problem) {
    const ProblemOperation* wanted = problem.operation(problemOperation);
    for (const OperationMatch& m : check.operations)
        if (wanted && m.problemOperation == wanted->name)
            return design.workload().operation(m.designOperation);
    return nullptr;
}

// Components the rule is about: matching ones on the operation's path, or anywhere without an operation.
std::vector<std::string> matched(const Design& design, const ComponentMatch& match, const Operation* op) {
    const std::vector<std::string> onPath = op ? componentsOnPath(design, *op) : std::vector<std::string>{};
    std::vector<std::string> ids;
    for (const Component& c : design.components())
        if (componentMatches(c, match, Catalog::builtin()) &&
            (!op || std::find(onPath.begin(), onPath.end(), c.id) != onPath.end()))
            ids.push_back(c.id);
    return ids;
}

void removeComponents(Design& design, const std::vector<std::string>& ids) {
    for (const std::string& id : ids)
        design.apply(RemoveComponent{id});
}

void setProperty(Design& design, const std::vector<std::string>& ids, const std::string& key,
                 const Json& value) {
    for (const std::string& id : ids) {
        Component c = *design.component(id);
        if (!hasProperty(c, Catalog::builtin(), key))
            continue;
        if (value.is_string() && value.get<std::string>().empty())
            c.props.erase(key);
        if (!value.is_string() || !value.get<std::string>().empty() ||
            !textProperty(c, Catalog::builtin(), key).empty())
            c.props[key] = value;
        design.apply(UpdateComponent{c});
    }
}

// Replication links (a second copy) and fallback links (a standby to fail over to) both rescue a single
// instance, so a design broken down to single instances loses them too.
void removeReplicationLinks(Design& design, const std::vector<std::string>& ids) {
    std::vector<std::string> links;
    for (const Link& l : design.links())
        if ((l.protocol == Protocol::Replication || isFallbackLink(l)) &&
            (std::find(ids.begin(), ids.end(), l.from) != ids.end() ||
             std::find(ids.begin(), ids.end(), l.to) != ids.end()))
            links.push_back(l.id);
    for (const std::string& id : links)
        design.apply(RemoveLink{id});
}

void singleCopies(Design& design, const std::vector<std::string>& ids) {
    setProperty(design, ids, "replicas", 1);
    removeReplicationLinks(design, ids);
}

std::vector<Mutation> mutationsFor(const RuleCheck& c, const Design& reference, const Operation* op) {
    using F = CheckFailure;
    std::vector<Mutation> result;
    const std::vector<std::string> ids =
        c.match ? matched(reference, *c.match, op) : std::vector<std::string>{};
    const auto remove = [](std::vector<std::string> which) {
        return [which](Design& d) { removeComponents(d, which); };
    };
    switch (c.type) {
    case RuleType::OnPath:
        result.push_back({"remove matched", {F::NoMatch}, remove(ids)});
        if (c.before)
            result.push_back({"remove before", {F::NotBefore}, remove(matched(reference, *c.before, op))});
        break;
    case RuleType::Reaches:
        result.push_back({"remove matched", {F::NoMatch}, remove(ids)});
        if (c.via) // without the via component the target is either reached another way or not at all
            result.push_back({"remove via", {F::NotVia, F::NoMatch}, remove(matched(reference, *c.via, op))});
        break;
    case RuleType::Replicated:
        result.push_back({"remove matched", {F::NoMatch}, remove(ids)});
        if (std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
                return hasProperty(*reference.component(id), Catalog::builtin(), "replicas");
            }))
            result.push_back({"single copy", {F::NotReplicated}, [ids](Design& d) {
                                  singleCopies(d, ids);
                                  setProperty(d, ids, "replication", "none");
                              }});
        break;
    case RuleType::Partitioned:
        result.push_back({"remove matched", {F::NoMatch}, remove(ids)});
        result.push_back({"one partition", {F::NotPartitioned}, [ids](Design& d) {
                              for (const char* key : {"shards", "partitions", "prefixes"})
                                  setProperty(d, ids, key, 1);
                              setProperty(d, ids, "partition_key", "");
                          }});
        break;
    case RuleType::NoSpof: {
        std::vector<std::string> onPath = componentsOnPath(reference, *op);
        if (c.match)
            onPath = matched(reference, *c.match, op);
        result.push_back(
            {"single instances", {F::SinglePoint}, [onPath](Design& d) { singleCopies(d, onPath); }});
        break;
    }
    case RuleType::Protocol: {
        const Protocol wanted = *protocolFromString(c.protocol);
        result.push_back({"other protocol", {F::NoProtocol}, [wanted](Design& d) {
                              for (Link l : d.links())
                                  if (l.protocol == wanted) {
                                      l.protocol = Protocol::Http;
                                      d.apply(UpdateLink{l});
                                  }
                          }});
        break;
    }
    case RuleType::Exists:
        result.push_back({"remove matched", {F::TooFew}, remove(ids)});
        break;
    }
    return result;
}

QString diagnosticsText(const std::vector<Diagnostic>& diagnostics) {
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

} // namespace

class TestProblems : public QObject {
    Q_OBJECT

  private slots:
    void theLibraryHasItsFolders() {
        QVERIFY2(problemFolders().size() >= 3,
                 "resources/problems/ holds tiny-url, leaderboard and pastebin");
        for (const char* slug : {"tiny-url", "leaderboard", "pastebin"})
            QVERIFY2(problemFolders().contains(slug), slug);
    }

    // The compiled-in library is the folders: a new folder needs only a rebuild (the glob reconfigures).
    void builtInLibraryMatchesTheFolders() {
        QStringList builtIn;
        for (const ProblemSource& source : builtinProblemSources()) {
            builtIn << QString::fromStdString(source.slug);
            const std::optional<ProblemSource> onDisk =
                readProblemFolder((problemsDir() + "/" + QString::fromStdString(source.slug)).toStdString());
            QVERIFY(onDisk);
            QVERIFY2(onDisk->problemJson == source.problemJson, source.slug.c_str());
            QVERIFY2(onDisk->referenceNapkin == source.referenceNapkin, source.slug.c_str());
        }
        QCOMPARE(builtIn, problemFolders());
        QVERIFY2(builtinProblemLibrary().errors.empty(),
                 builtinProblemLibrary().errors.empty()
                     ? ""
                     : builtinProblemLibrary().errors.front().diagnostic.toString().c_str());
    }

    void problemValidates_data() {
        QTest::addColumn<QString>("slug");
        for (const QString& slug : problemFolders())
            QTest::newRow(qPrintable(slug)) << slug;
    }
    void problemValidates() {
        QFETCH(QString, slug);
        QVERIFY2(QRegularExpression("^[a-z0-9-]+$").match(slug).hasMatch(),
                 "a slug is lower case, digits and -");
        const std::optional<ProblemSource> source =
            readProblemFolder((problemsDir() + "/" + slug).toStdString());
        QVERIFY2(source, "problem.json is readable");
        const ProblemLoadResult problem = loadProblem(source->problemJson, slug.toStdString());
        QVERIFY2(problem.diagnostics.empty(),
                 qPrintable("problem.json:\n" + diagnosticsText(problem.diagnostics)));
        const LoadResult reference = loadDesign(source->referenceNapkin);
        QVERIFY2(reference.diagnostics.empty(),
                 qPrintable("reference.napkin:\n" + diagnosticsText(reference.diagnostics)));
        const std::vector<Diagnostic> mismatches = checkAgainstReference(*problem.problem, *reference.design);
        QVERIFY2(mismatches.empty(), qPrintable(diagnosticsText(mismatches)));
    }

    void referenceAnalyzesClean_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<double>("peakScale");
        for (const QString& slug : problemFolders()) {
            QTest::addRow("%s at peak", qPrintable(slug)) << slug << 1.0;
            QTest::addRow("%s at twice peak", qPrintable(slug)) << slug << 2.0;
        }
    }
    void referenceAnalyzesClean() {
        QFETCH(QString, slug);
        QFETCH(double, peakScale);
        // Twice the peak as the grader's scalability.twice-peak judges it: autoscaled services grow.
        const Design reference = spikeTraffic(loadFolder(slug).reference, peakScale).design;
        const std::string unaccepted = unacceptedFindings(analyze(reference));
        QVERIFY2(unaccepted.empty(), ("unaccepted findings:" + unaccepted).c_str());
    }

    // The reference is the model answer: it survives every drill of its problem's list. One row per drill,
    // named by the problem and the drill's type, so a failure says which drill broke which reference.
    void referenceSurvivesItsDrills_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<int>("drill");
        for (const QString& slug : problemFolders()) {
            const LibraryProblem entry = loadFolder(slug);
            const std::vector<Drill> drills = drillsFor(&entry.problem, entry.reference);
            for (std::size_t i = 0; i < drills.size(); ++i)
                QTest::addRow("%s %s", qPrintable(slug), drills[i].type.c_str()) << slug << int(i);
        }
    }
    void referenceSurvivesItsDrills() {
        QFETCH(QString, slug);
        QFETCH(int, drill);
        const LibraryProblem entry = loadFolder(slug);
        const Drill thrown = drillsFor(&entry.problem, entry.reference)[static_cast<std::size_t>(drill)];
        const DrillVerdict verdict = runDrill(thrown, entry.reference);
        QVERIFY2(verdict.survives(), (slug.toStdString() + " breaks under its drill " + thrown.type + " (" +
                                      thrown.text + "): " + drillVerdictText(verdict))
                                         .c_str());
    }

    void referenceMeetsItsChecks_data() { problemValidates_data(); }
    void referenceMeetsItsChecks() {
        QFETCH(QString, slug);
        const LibraryProblem entry = loadFolder(slug);
        const ProblemCheck check = checkDesign(entry.problem, entry.reference);
        QVERIFY2(check.metCount() == check.checks.size(), ("missed:" + missedChecks(check)).c_str());
        std::size_t rules = 0;
        for (const CheckResult& c : check.checks)
            rules += c.kind == CheckKind::Rule;
        QCOMPARE(rules, entry.problem.rules.size());
        for (const OperationMatch& m : check.operations)
            QCOMPARE(m.how, std::string("name"));
    }

    void brokenReferenceMissesTheRule_data() {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("mutation");
        for (const QString& slug : problemFolders()) {
            const LibraryProblem entry = loadFolder(slug);
            const ProblemCheck check = checkDesign(entry.problem, entry.reference);
            for (const ProblemRule& rule : entry.problem.rules) {
                const Operation* op =
                    rule.check.operation.empty()
                        ? nullptr
                        : userOperation(check, entry.reference, rule.check.operation, entry.problem);
                const auto mutations = mutationsFor(rule.check, entry.reference, op);
                for (std::size_t i = 0; i < mutations.size(); ++i)
                    QTest::addRow("%s %s: %s", qPrintable(slug), rule.id.c_str(), mutations[i].name.c_str())
                        << slug << QString::fromStdString(rule.id) << static_cast<int>(i);
            }
        }
    }
    void brokenReferenceMissesTheRule() {
        QFETCH(QString, slug);
        QFETCH(QString, rule);
        QFETCH(int, mutation);
        const LibraryProblem entry = loadFolder(slug);
        const ProblemCheck before = checkDesign(entry.problem, entry.reference);
        const ProblemRule& r =
            *std::find_if(entry.problem.rules.begin(), entry.problem.rules.end(),
                          [&](const ProblemRule& x) { return x.id == rule.toStdString(); });
        const Operation* op = r.check.operation.empty()
                                  ? nullptr
                                  : userOperation(before, entry.reference, r.check.operation, entry.problem);
        const Mutation m = mutationsFor(r.check, entry.reference, op)[static_cast<std::size_t>(mutation)];
        Design broken = entry.reference;
        m.apply(broken);
        QVERIFY2(saveDesign(broken) != saveDesign(entry.reference), "the mutation changes the design");
        const CheckResult result = resultOf(checkDesign(entry.problem, broken), r.id);
        QVERIFY2(!result.met, ("still met: " + result.reason).c_str());
        QVERIFY2(m.expected.count(result.failure),
                 ("wrong reason " + std::string(toString(result.failure)) + ": " + result.reason).c_str());
        QVERIFY(!result.reason.empty());
    }

    // An accepted finding that no longer fires is stale (lint.stale-acceptance): the write-up would list a
    // trade-off the design does not make. No reference and no bundled example has one.
    void noBundledDesignAcceptsAFindingThatDoesNotFire_data() {
        QTest::addColumn<QString>("path");
        for (const QString& slug : problemFolders())
            QTest::newRow(qPrintable(slug)) << problemsDir() + "/" + slug + "/reference.napkin";
        const QDir examples(QStringLiteral(NAPKIN_RESOURCES_DIR "/examples"));
        for (const QString& name : examples.entryList({"*.napkin"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable("examples/" + name)) << examples.filePath(name);
    }
    void noBundledDesignAcceptsAFindingThatDoesNotFire() {
        QFETCH(QString, path);
        const LoadResult loaded = loadDesignFile(path.toStdString());
        QVERIFY2(loaded.ok(), qPrintable(path));
        std::string stale;
        for (const Finding& f : analyze(*loaded.design).findings)
            if (f.rule == "lint.stale-acceptance")
                stale += "\n  " + f.message;
        QVERIFY2(stale.empty(), ("stale acceptances:" + stale).c_str());
    }

    // examples/ keeps a copy of the three case studies for File → Open Example and the report goldens.
    void examplesAreTheReferences_data() {
        QTest::addColumn<QString>("slug");
        for (const char* slug : {"tiny-url", "leaderboard", "pastebin"})
            QTest::newRow(slug) << QString(slug);
    }
    void examplesAreTheReferences() {
        QFETCH(QString, slug);
        QFile example(QStringLiteral(NAPKIN_RESOURCES_DIR "/examples/") + slug + ".napkin");
        QFile reference(problemsDir() + "/" + slug + "/reference.napkin");
        QVERIFY(example.open(QIODevice::ReadOnly) && reference.open(QIODevice::ReadOnly));
        QVERIFY2(example.readAll() == reference.readAll(),
                 qPrintable("resources/examples/" + slug + ".napkin differs from resources/problems/" + slug +
                            "/reference.napkin; copy the reference over the example"));
    }
};

QTEST_APPLESS_MAIN(TestProblems)
#include "tst_problems.moc"
