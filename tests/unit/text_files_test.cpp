// The audits of non-Python files: which audit a path gets (text_file_kind) and the findings of
// analyze_text_file, with their rule codes and exact ranges (0-based rows, byte columns).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/config/settings.h"
#include "analyzers/text_files/text_file_analyzer.h"

#include "tests/support/finding_hits.h"

namespace eventlet_lsp::analyzers {
namespace {

using testing::at;
using testing::Hit;
using testing::Hits;

Hits audit(std::string_view path, std::string_view text, std::vector<FileProblem>* problems = nullptr) {
  std::vector<FileProblem> local;
  std::vector<FileProblem>& sink = problems != nullptr ? *problems : local;
  Hits hits;
  const Settings defaults;  // what `check` shows: a coded `# noqa` hides, a bare one does not
  for (const Finding& finding : analyze_text_file(text_file_kind(path), text, sink)) {
    EXPECT_NE(finding.rule, nullptr);
    if (finding.rule == nullptr || !defaults.reports(finding)) continue;
    EXPECT_GE(finding.range.end_byte, finding.range.start_byte);
    hits.push_back(Hit{std::string(finding.rule->code), finding.range.start.row,
                       finding.range.start.column, finding.range.end.row, finding.range.end.column});
  }
  if (problems == nullptr) {
    EXPECT_TRUE(local.empty()) << (local.empty() ? std::string() : local.front().message);
  }
  return hits;
}

// --- kinds --------------------------------------------------------------------------------

TEST(TextFileKindTest, RequirementFiles) {
  EXPECT_EQ(text_file_kind("requirements.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("requirements/dev.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("/repo/requirements/dev.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("test-requirements.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("constraints.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("pkg/requirements-dev.in"), TextFileKind::Requirements);
}

TEST(TextFileKindTest, RequirementFilesByOtherNames) {
  // Any depth below a folder named requirements.
  EXPECT_EQ(text_file_kind("requirements/py3/dev.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("/repo/requirements/a/b/test.in"), TextFileKind::Requirements);
  // The *-requires files of older (pbr) projects, with or without .txt.
  EXPECT_EQ(text_file_kind("tools/pip-requires"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("tools/test-requires"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("test-requires.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("constraints-py3.11.txt"), TextFileKind::Requirements);
  EXPECT_EQ(text_file_kind("requirements-dev.in"), TextFileKind::Requirements);
  // Near misses.
  EXPECT_EQ(text_file_kind("notrequirements/dev.txt"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("requirements/README.md"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("docs/requires.txt"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("Makefile.in"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("pip-requires.sh"), TextFileKind::Other);
}

TEST(TextFileKindTest, ConfigurationFiles) {
  EXPECT_EQ(text_file_kind("setup.cfg"), TextFileKind::SetupCfg);
  EXPECT_EQ(text_file_kind("src/setup.cfg"), TextFileKind::SetupCfg);
  EXPECT_EQ(text_file_kind("tox.ini"), TextFileKind::ToxIni);
  EXPECT_EQ(text_file_kind(".coveragerc"), TextFileKind::CoverageRc);
  EXPECT_EQ(text_file_kind("pyproject.toml"), TextFileKind::PyprojectToml);
  EXPECT_EQ(text_file_kind("sub/project/pyproject.toml"), TextFileKind::PyprojectToml);
}

TEST(TextFileKindTest, CommandLineAndEnvironmentFiles) {
  EXPECT_EQ(text_file_kind("Procfile"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("Dockerfile"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("docker/Dockerfile.prod"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("run.sh"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("values.yaml"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("deploy/app.service"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind(".env"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind(".env.production"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("deploy/web.env"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("Procfile.dev"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("deploy/supervisord.conf"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("bin/start.cmd"), TextFileKind::Other);
  EXPECT_EQ(text_file_kind("start.bat"), TextFileKind::Other);
}

TEST(TextFileKindTest, NotAudited) {
  EXPECT_EQ(text_file_kind("README.txt"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("docs/notes.txt"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("README.md"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("LICENSE"), TextFileKind::NotAudited);
  EXPECT_EQ(text_file_kind("image.png"), TextFileKind::NotAudited);
}

TEST(TextFileKindTest, NotAuditedFilesHaveNoFindings) {
  std::vector<FileProblem> problems;
  EXPECT_TRUE(analyze_text_file(TextFileKind::NotAudited, "eventlet\nEVENTLET_HUB=poll\n", problems).empty());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(audit("README.txt", "eventlet\ngunicorn -k eventlet\n"), Hits{});
}

// --- requirements -------------------------------------------------------------------------

TEST(RequirementsTest, NamesAreNormalised) {
  const std::string text =
      "Eventlet\n"                                              // 0
      "EVENTLET==0.33.3\n"                                      // 1
      "eventlet[extra]>=1\n"                                    // 2
      "  eventlet>=0.30 ; python_version<\"3.13\"  # pinned\n"  // 3
      "eventlet @ https://example.com/eventlet-0.36.tar.gz\n"   // 4
      "eventlet\r\n"                                            // 5
      "\teventlet ~= 0.35\n";                                   // 6
  EXPECT_EQ(audit("requirements.txt", text), (Hits{
                                                 at("EL901", 0, 0, 8),
                                                 at("EL901", 1, 0, 16),
                                                 at("EL901", 2, 0, 18),
                                                 at("EL901", 3, 2, 40),
                                                 at("EL901", 4, 0, 51),
                                                 at("EL901", 5, 0, 8),
                                                 at("EL901", 6, 1, 17),
                                             }));
}

TEST(RequirementsTest, OtherDistributionsOptionsAndCommentsAreNotEventlet) {
  const std::string text =
      "eventlet-foo\n"
      "eventlet_foo>=1\n"
      "eventlet.extras\n"
      "eventletx\n"
      "my-eventlet\n"
      // A trailing separator makes an invalid PEP 508 name: pip rejects it, it is not eventlet.
      "eventlet_\n"
      "-r other.txt\n"
      "-c constraints.txt\n"
      "-e git+https://github.com/eventlet/eventlet#egg=eventlet\n"
      "--hash=sha256:abc\n"
      "# eventlet\n"
      "requests  # needs eventlet\n"
      "\n";
  EXPECT_EQ(audit("requirements.txt", text), Hits{});
}

TEST(RequirementsTest, EveryRequirementsFileKindIsAudited) {
  const std::string text = "requests\neventlet>=0.33\n";
  const Hits expected{at("EL901", 1, 0, 14)};
  EXPECT_EQ(audit("requirements/dev.txt", text), expected);
  EXPECT_EQ(audit("test-requirements.txt", text), expected);
  EXPECT_EQ(audit("constraints.txt", text), expected);
}

TEST(RequirementsTest, ContentThatReadsAsRequirements) {
  EXPECT_TRUE(looks_like_requirements("eventlet>=0.30\n"));
  EXPECT_TRUE(looks_like_requirements(
      "# deploy pins\n"
      "-r base.txt\n"
      "--index-url https://pypi.example.com/simple\n"
      "requests[socks] ; python_version < \"3.13\"\n"
      "greenlet (>=3.0)\n"
      "eventlet==0.36.1 \\\n"
      "    --hash=sha256:abc\n"
      "foo @ https://example.com/foo.tar.gz\n"
      "https://example.com/bar.whl\n"
      "\n"
      "oslo.config~=9.0  # the config library\n"));
}

TEST(RequirementsTest, ContentThatDoesNotReadAsRequirements) {
  EXPECT_FALSE(looks_like_requirements(""));
  EXPECT_FALSE(looks_like_requirements("# nothing but comments\n\n"));
  EXPECT_FALSE(looks_like_requirements("-r base.txt\n"));  // options only: no requirement
  EXPECT_FALSE(looks_like_requirements("This service runs on eventlet.\n"));
  EXPECT_FALSE(looks_like_requirements("eventlet is deprecated\n"));
  EXPECT_FALSE(looks_like_requirements("eventlet>=0.30\nSee the wiki for the pins.\n"));
  EXPECT_FALSE(looks_like_requirements("[section]\nkey = eventlet\n"));
  EXPECT_FALSE(looks_like_requirements(std::string_view("eventlet\0\n", 10)));
}

TEST(RequirementsTest, LastLineWithoutNewline) {
  EXPECT_EQ(audit("requirements.txt", "requests\neventlet"), (Hits{at("EL901", 1, 0, 8)}));
}

TEST(RequirementsTest, NoqaOnTheRequirementLine) {
  const std::string text =
      "eventlet  # noqa: EL901\n"
      "eventlet  # noqa: EL902\n"
      "eventlet  # noqa\n"
      "eventlet  # noqa: eventlet-dependency\n"
      "eventlet  # noqa: E501\n"
      "eventlet  # noqa:EL9\n";
  // A bare `# noqa` (line 2) is another linter's: it hides nothing unless bare-noqa = "suppress".
  EXPECT_EQ(audit("requirements.txt", text),
            (Hits{at("EL901", 1, 0, 8), at("EL901", 2, 0, 8), at("EL901", 4, 0, 8)}));
  std::vector<FileProblem> problems;
  std::vector<Suppression> marks;
  for (const Finding& finding : analyze_text_file(TextFileKind::Requirements, text, problems))
    marks.push_back(finding.suppression);
  EXPECT_EQ(marks, (std::vector<Suppression>{Suppression::CodedNoqa, Suppression::None, Suppression::BareNoqa,
                                             Suppression::CodedNoqa, Suppression::None, Suppression::CodedNoqa}));
}

// --- setup.cfg, tox.ini, .coveragerc -------------------------------------------------------

TEST(SetupCfgTest, DependencyKeysAndCoverageConcurrency) {
  const std::string text =
      "[metadata]\n"                      // 0
      "name = eventlet-demo\n"            // 1
      "keywords = eventlet\n"             // 2
      "\n"                                // 3
      "[options]\n"                       // 4
      "install_requires =\n"              // 5
      "    requests>=2\n"                 // 6
      "    # a comment inside the value\n"  // 7
      "    Eventlet>=0.33  # green\n"     // 8
      "    eventlet-foo\n"                // 9
      "setup_requires = eventlet\n"       // 10
      "\n"                                // 11
      "[options.extras_require]\n"        // 12
      "green = eventlet[dnspython]\n"     // 13
      "other = gevent\n"                  // 14
      "\n"                                // 15
      "[coverage:run]\n"                  // 16
      "concurrency = thread,eventlet\n"   // 17
      "\n"                                // 18
      "[run]\n"                           // 19
      "concurrency = eventlet\n";         // 20: [run] belongs to .coveragerc, not setup.cfg
  EXPECT_EQ(audit("setup.cfg", text), (Hits{
                                          at("EL901", 8, 4, 18),
                                          at("EL901", 10, 17, 25),
                                          at("EL901", 13, 8, 27),
                                          at("EL902", 17, 21, 29),
                                      }));
}

TEST(SetupCfgTest, MultiLineCoverageConcurrency) {
  const std::string text =
      "[coverage:run]\n"
      "concurrency =\n"
      "    eventlet\n"
      "    thread\n";
  EXPECT_EQ(audit("setup.cfg", text), (Hits{at("EL902", 2, 4, 12)}));
}

TEST(ToxIniTest, DepsAndSetenv) {
  const std::string text =
      "[tox]\n"                                            // 0
      "envlist = py311\n"                                  // 1
      "\n"                                                 // 2
      "[testenv]\n"                                        // 3
      "deps =\n"                                           // 4
      "    pytest\n"                                       // 5
      "    eventlet==0.36.1\n"                             // 6
      "setenv =\n"                                         // 7
      "    EVENTLET_HUB = poll\n"                          // 8
      "commands = pytest {env:EVENTLET_NO_GREENDNS:}\n"    // 9
      "\n"                                                 // 10
      "[testenv:lint]\n"                                   // 11
      "deps = eventlet\n"                                  // 12
      "\n"                                                 // 13
      "[coverage:run]\n"                                   // 14
      "concurrency = eventlet\n";                          // 15
  EXPECT_EQ(audit("tox.ini", text), (Hits{
                                        at("EL901", 6, 4, 20),
                                        at("EL904", 8, 4, 16),
                                        at("EL904", 9, 23, 43),
                                        at("EL901", 12, 7, 15),
                                        at("EL902", 15, 14, 22),
                                    }));
}

TEST(ToxIniTest, DepsWithFactorConditions) {
  const std::string text =
      "[testenv]\n"                                                // 0
      "deps =\n"                                                   // 1
      "    {py3.10,py3.11}-oldest: eventlet==0.33.3\n"             // 2
      "    py38: eventlet>=0.30\n"                                 // 3
      "    !py27: eventlet\n"                                      // 4
      "    py38,py39: Eventlet[dnspython]  # green\n"              // 5
      "    {py38}-eventlet: pytest\n"                              // 6: a factor named eventlet
      "    eventlet: pytest\n"                                     // 7: the same
      "    py38:eventlet\n"                                        // 8: tox wants a blank after ':'
      "    eventlet @ https://example.com/eventlet.tar.gz\n"       // 9
      "    py38: eventlet-foo\n"                                   // 10
      "[testenv:lint]\n"                                           // 11
      "deps = py311: eventlet\n";                                  // 12
  EXPECT_EQ(audit("tox.ini", text), (Hits{
                                        at("EL901", 2, 28, 44),
                                        at("EL901", 3, 10, 24),
                                        at("EL901", 4, 11, 19),
                                        at("EL901", 5, 15, 34),
                                        at("EL901", 9, 4, 50),
                                        at("EL901", 12, 14, 22),
                                    }));
}

TEST(ToxIniTest, FactorConditionsAreToxOnly) {
  // setup.cfg has no factors: `py38: eventlet` there is no requirement of eventlet.
  EXPECT_EQ(audit("setup.cfg", "[options]\ninstall_requires =\n    py38: eventlet\n"), Hits{});
}

TEST(ToxIniTest, DepsOutsideTestenvAreNotDependencies) {
  EXPECT_EQ(audit("tox.ini", "[tox]\ndeps = eventlet\n[other]\ndeps = eventlet\n"), Hits{});
}

TEST(CoverageRcTest, RunConcurrency) {
  const std::string text =
      "[run]\n"                     // 0
      "branch = True\n"             // 1
      "concurrency =\n"             // 2
      "    thread\n"                // 3
      "    eventlet\n"              // 4
      "\n"                          // 5
      "[report]\n"                  // 6
      "concurrency = eventlet\n";   // 7: not the [run] section
  EXPECT_EQ(audit(".coveragerc", text), (Hits{at("EL902", 4, 4, 12)}));
}

TEST(CoverageRcTest, SingleLineConcurrencyWithComment) {
  EXPECT_EQ(audit(".coveragerc", "[run]\nconcurrency = eventlet, thread  # green\n"),
            (Hits{at("EL902", 1, 14, 22)}));
  EXPECT_EQ(audit(".coveragerc", "[run]\nconcurrency = thread  # eventlet\n"), Hits{});
}

// --- pyproject.toml -----------------------------------------------------------------------

TEST(PyprojectTest, EveryDependencyTableAndCoverageConcurrency) {
  const std::string text =
      "[build-system]\n"                                               // 0
      "requires = [\"setuptools>=61\", \"eventlet\"]\n"                // 1
      "\n"                                                             // 2
      "[project]\n"                                                    // 3
      "name = \"demo\"\n"                                              // 4
      "dependencies = [\n"                                             // 5
      "    \"requests\",\n"                                            // 6
      "    \"eventlet>=0.33; python_version < '3.13'\",\n"             // 7
      "]\n"                                                            // 8
      "\n"                                                             // 9
      "[project.optional-dependencies]\n"                              // 10
      "green = [\"Eventlet[dnspython]\"]\n"                            // 11
      "\n"                                                             // 12
      "[dependency-groups]\n"                                          // 13
      "dev = [\"pytest\", \"eventlet==0.36\"]\n"                       // 14
      "\n"                                                             // 15
      "[tool.poetry.dependencies]\n"                                   // 16
      "python = \"^3.11\"\n"                                           // 17
      "eventlet = \"^0.33\"\n"                                         // 18
      "\n"                                                             // 19
      "[tool.poetry.group.test.dependencies]\n"                        // 20
      "eventlet = { version = \"^0.33\", optional = true }\n"          // 21
      "\n"                                                             // 22
      "[tool.coverage.run]\n"                                          // 23
      "concurrency = [\"thread\", \"eventlet\"]\n";                    // 24
  std::vector<FileProblem> problems;
  EXPECT_EQ(audit("pyproject.toml", text, &problems), (Hits{
                                                          at("EL901", 1, 30, 40),
                                                          at("EL901", 7, 4, 45),
                                                          at("EL901", 11, 9, 30),
                                                          at("EL901", 14, 17, 33),
                                                          at("EL901", 18, 0, 18),
                                                          at("EL901", 21, 0, 49),
                                                          at("EL902", 24, 25, 35),
                                                      }));
  EXPECT_TRUE(problems.empty());
}

TEST(PyprojectTest, ColumnsAreBytesAfterMultiByteCharacters) {
  // toml++ counts columns in code points; findings are in bytes.
  EXPECT_EQ(audit("pyproject.toml", "[project]\ndependencies = [\"\xE4\xB8\xAD\xE6\x96\x87\", \"eventlet\"]\n"),
            (Hits{at("EL901", 1, 26, 36)}));
  EXPECT_EQ(audit("pyproject.toml", "[project]\ndependencies = [\"\xF0\x9F\x98\x80\", \"eventlet\"]\n"),
            (Hits{at("EL901", 1, 24, 34)}));
}

TEST(PyprojectTest, CoverageConcurrencyAsAString) {
  EXPECT_EQ(audit("pyproject.toml", "[tool.coverage.run]\nconcurrency = \"eventlet\"\n"),
            (Hits{at("EL902", 1, 14, 24)}));
}

TEST(PyprojectTest, NamesThatAreNotEventletDependencies) {
  const std::string text =
      "[project]\n"
      "name = \"eventlet\"\n"
      "description = \"eventlet\"\n"
      "dependencies = [\"eventlet-foo\", \"greenlet\"]\n"
      "[tool.poetry.dependencies]\n"
      "eventlet-foo = \"^1\"\n"
      "[tool.coverage.run]\n"
      "concurrency = [\"thread\", \"gevent\"]\n";
  EXPECT_EQ(audit("pyproject.toml", text), Hits{});
}

TEST(PyprojectTest, MalformedTomlIsAProblemAndTheLineScanGoesOn) {
  const std::string text =
      "[project]\n"
      "name = = \"demo\"\n"
      "dependencies = [\"eventlet\"]\n"
      "EVENTLET_HUB=poll\n";
  std::vector<FileProblem> problems;
  const Hits hits = audit("pyproject.toml", text, &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].kind, FileProblem::Kind::SyntaxError);
  EXPECT_TRUE(problems[0].message.starts_with("invalid TOML at line 2: ")) << problems[0].message;
  // The TOML audit stopped; the command-line / environment scan of every line did not.
  EXPECT_EQ(hits, (Hits{at("EL904", 3, 0, 12)}));
}

TEST(PyprojectTest, EmptyAndTruncatedFilesDoNotCrash) {
  std::vector<FileProblem> problems;
  EXPECT_EQ(audit("pyproject.toml", "", &problems), Hits{});
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(audit("pyproject.toml", "[project\ndependencies = [\"eventlet\"", &problems), Hits{});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].kind, FileProblem::Kind::SyntaxError);
  EXPECT_TRUE(problems[0].message.starts_with("invalid TOML at line 1: ")) << problems[0].message;
}

// --- command lines and environment variables ----------------------------------------------

TEST(CommandLinesTest, GunicornAndCeleryOptions) {
  const std::string text =
      "web: gunicorn -k eventlet app:app\n"                                    // 0
      "web2: gunicorn --worker-class eventlet -w 4 app:app\n"                  // 1
      "web3: gunicorn -k gevent app:app\n"                                     // 2
      "web4: gunicorn -keventlet app:app\n"                                    // 3
      "worker: celery -A proj worker -P eventlet\n"                            // 4
      "worker2: celery -A proj worker --pool=eventlet\n"                       // 5
      "worker3: celery -A proj worker --pool-size 4\n"                         // 6
      "worker4: celery -A proj worker --pool eventlet --concurrency=4\n"       // 7
      "worker5: celery worker -P eventlets\n"                                  // 8
      "other: serve -k eventlet\n";                                            // 9: not gunicorn
  EXPECT_EQ(audit("Procfile", text), (Hits{
                                         at("EL102", 0, 14, 25),
                                         at("EL102", 1, 15, 38),
                                         at("EL102", 3, 15, 25),
                                         at("EL903", 4, 30, 41),
                                         at("EL903", 5, 31, 46),
                                         at("EL903", 7, 31, 46),
                                     }));
}

TEST(CommandLinesTest, WorkerClassWithEqualsIsReportedOnce) {
  EXPECT_EQ(audit("Procfile", "web: gunicorn --worker-class=eventlet app:app\n"),
            (Hits{at("EL102", 0, 14, 37)}));
}

TEST(CommandLinesTest, ConfigurationSettings) {
  const std::string text =
      "gunicorn:\n"                       // 0
      "  worker_class: eventlet\n"        // 1
      "  worker_class: gevent\n"          // 2
      "celery:\n"                         // 3
      "  worker_pool: \"eventlet\"\n"     // 4
      "  CELERYD_POOL = eventlet\n"       // 5
      "  worker_pool: eventlets\n"        // 6
      "  my_worker_class: eventlet\n";    // 7: another key
  EXPECT_EQ(audit("values.yaml", text), (Hits{
                                            at("EL102", 1, 2, 24),
                                            at("EL903", 4, 2, 24),
                                            at("EL903", 5, 2, 25),
                                        }));
}

TEST(CommandLinesTest, PythonStyleWorkerClassSetting) {
  EXPECT_EQ(audit("gunicorn.conf", "bind = \"0.0.0.0:8000\"\nworker_class = \"eventlet\"\n"),
            (Hits{at("EL102", 1, 0, 24)}));
}

TEST(CommandLinesTest, Dockerfile) {
  const std::string text =
      "FROM python:3.12\n"
      "ENV EVENTLET_HUB=asyncio EVENTLET_NO_GREENDNS=yes\n"
      "CMD [\"gunicorn\", \"-k\", \"eventlet\", \"app:app\"]\n";
  EXPECT_EQ(audit("Dockerfile", text), (Hits{
                                           at("EL904", 1, 4, 16),
                                           at("EL904", 1, 25, 45),
                                           at("EL102", 2, 18, 32),
                                       }));
}

TEST(CommandLinesTest, EnvironmentVariablesAndNoqa) {
  const std::string text =
      "#!/bin/sh\n"                                                          // 0
      "export EVENTLET_HUB=poll  # noqa: EL904\n"                            // 1
      "export EVENTLET_HUB=poll  # noqa: EL102\n"                            // 2
      "exec gunicorn -k eventlet app  # noqa\n"                              // 3
      "if [ -n \"${EVENTLET_NO_GREENDNS}\" ]; then echo $EVENTLET_; fi\n"   // 4
      "MY_EVENTLET_HUB=1 eventlet_hub=2\n"                                   // 5
      "$EVENTLET_THREADPOOL_SIZE";                                           // 6, no newline
  EXPECT_EQ(audit("run.sh", text), (Hits{
                                       at("EL904", 2, 7, 19),
                                       at("EL102", 3, 14, 25),
                                       at("EL904", 4, 11, 31),
                                       at("EL904", 6, 1, 25),
                                   }));
}

TEST(CommandLinesTest, RunInEveryAuditedKind) {
  // The command-line scan runs after the file's own audit, whatever its kind.
  EXPECT_EQ(audit("requirements.txt", "eventlet\n# EVENTLET_HUB=poll\n"),
            (Hits{at("EL901", 0, 0, 8), at("EL904", 1, 2, 14)}));
  EXPECT_EQ(audit("tox.ini", "[testenv]\ncommands = gunicorn -k eventlet app\n"),
            (Hits{at("EL102", 1, 20, 31)}));
}

TEST(CommandLinesTest, ContinuationLinesBelongToTheirCommand) {
  const std::string text =
      "#!/bin/sh\n"                           // 0
      "exec gunicorn \\\n"                   // 1
      "    --worker-class eventlet \\\n"     // 2
      "    --bind 0.0.0.0:8000 app:app\n"     // 3
      "celery -A proj worker \\\n"          // 4
      "  --loglevel=info \\\n"              // 5
      "  -P eventlet\n"                      // 6
      "serve -k eventlet \\\n"             // 7: neither gunicorn nor celery
      "  --port 80\n"                       // 8
      "gunicorn --bind 0.0.0.0 app:app\n"   // 9
      "  -k eventlet\n";                     // 10: no continuation: another command
  EXPECT_EQ(audit("run.sh", text), (Hits{at("EL102", 2, 4, 27), at("EL903", 6, 2, 13)}));
}

TEST(CommandLinesTest, DockerfileExecAndShellForms) {
  const std::string text =
      "FROM python:3.12\n"                                                      // 0
      "CMD [\"gunicorn\", \\\n"                                               // 1
      "     \"-k\", \"eventlet\", \"app:app\"]\n"                              // 2
      "ENTRYPOINT [\"celery\", \"-A\", \"proj\", \"worker\", \"-P\", \"eventlet\"]\n"  // 3
      "CMD [\"gunicorn\", \"--worker-class=eventlet\", \"app:app\"]\n"          // 4
      "CMD gunicorn -k eventlet app:app\n"                                      // 5
      "CMD [\"gunicorn\", \"-k\", \"eventlet_foo\", \"app:app\"]\n"             // 6
      "CMD [\"celery\", \"worker\", \"--pool-size\", \"eventlet\"]\n"           // 7
      "CMD [\"serve\", \"-k\", \"eventlet\"]\n";                                // 8
  EXPECT_EQ(audit("Dockerfile", text), (Hits{
                                           at("EL102", 2, 6, 20),
                                           at("EL903", 3, 47, 61),
                                           at("EL102", 4, 18, 41),
                                           at("EL102", 5, 13, 24),
                                       }));
}

TEST(CommandLinesTest, SupervisordPrograms) {
  const std::string text =
      "[program:web]\n"                                                      // 0
      "command=/srv/venv/bin/gunicorn -k eventlet app:app\n"                 // 1
      "[program:worker]\n"                                                   // 2
      "command=celery -A proj worker --pool=eventlet --concurrency=500\n"    // 3
      "[program:other]\n"                                                    // 4
      "command=/usr/bin/rsync -k eventlet\n";                                // 5
  EXPECT_EQ(audit("deploy/supervisord.conf", text), (Hits{at("EL102", 1, 31, 42), at("EL903", 3, 30, 45)}));
}

TEST(CommandLinesTest, WindowsCommandFiles) {
  const std::string text =
      "@echo off\n"                                  // 0
      "set DAEMON_ARGS=-k eventlet --workers 4\n"    // 1
      "set \"WORKER_ARGS=-P eventlet\"\n"            // 2
      "set OTHER=-k eventlet\n"                      // 3: never expanded
      "gunicorn %DAEMON_ARGS% app:app\n"             // 4
      "celery -A proj worker %WORKER_ARGS% ^\n"      // 5
      "  --loglevel=info\n"                          // 6
      "gunicorn -keventlet app:app\n";               // 7
  const Hits expected{at("EL102", 1, 16, 27), at("EL903", 2, 17, 28), at("EL102", 7, 9, 19)};
  EXPECT_EQ(audit("bin/start.cmd", text), expected);
  EXPECT_EQ(audit("start.bat", text), expected);
}

TEST(OptionVariablesTest, SystemdUnit) {
  const std::string text =
      "[Unit]\n"                                                            // 0
      "Description=web\n"                                                   // 1
      "[Service]\n"                                                         // 2
      "Environment=\"DAEMON_ARGS=-k eventlet --workers 4\" \"LANG=C\"\n"     // 3
      "Environment=UNUSED_ARGS=-k eventlet\n"                               // 4: never expanded
      "Environment=\"WRONG_PROGRAM=-P eventlet\"\n"                          // 5: celery's option
      "EnvironmentFile=/etc/default/web\n"                                  // 6
      "ExecStart=/srv/venv/bin/gunicorn $DAEMON_ARGS ${WRONG_PROGRAM} \\\n"  // 7
      "    app:app\n"                                                       // 8
      "ExecReload=/bin/kill -HUP $MAINPID\n";                               // 9
  EXPECT_EQ(audit("deploy/web.service", text), (Hits{at("EL102", 3, 25, 36)}));
}

TEST(OptionVariablesTest, VariablesTheProgramsReadThemselves) {
  // An environment file: the unit that reads it is elsewhere, but gunicorn reads
  // GUNICORN_CMD_ARGS itself, and CELERYD_OPTS is Celery's daemon options variable.
  const std::string text =
      "GUNICORN_CMD_ARGS=\"--worker-class=eventlet --workers 4\"\n"   // 0
      "CELERYD_OPTS=\"--time-limit=300 --pool=eventlet\"\n"           // 1
      "DAEMON_OPTS=-k eventlet\n"                                     // 2: expanded nowhere here
      "export SERVE_ARGS=\"-k eventlet\"\n";                          // 3
  EXPECT_EQ(audit("deploy/web.env", text), (Hits{at("EL102", 0, 19, 42), at("EL903", 1, 31, 46)}));
}

TEST(OptionVariablesTest, InitScript) {
  const std::string text =
      "#!/bin/sh\n"                                                                          // 0
      "DAEMON=/srv/venv/bin/gunicorn\n"                                                      // 1
      "DAEMON_ARGS=\"--bind=0.0.0.0:8000 -k eventlet\"\n"                                    // 2
      "CELERY_ARGS=\"--loglevel=info -P eventlet\"\n"                                        // 3
      "SSH_ARGS=\"-k eventlet\"\n"                                                           // 4
      "LATE_ARGS=\"--workers 4\"; other -k eventlet\n"                                       // 5: not in the value
      "start-stop-daemon --start --exec /srv/venv/bin/gunicorn -- ${DAEMON_ARGS} $LATE_ARGS\n"  // 6
      "exec celery -A proj worker $CELERY_ARGS\n"                                            // 7
      "ssh $SSH_ARGS host\n";                                                                // 8
  EXPECT_EQ(audit("etc/init.d/web.sh", text), (Hits{at("EL102", 2, 33, 44), at("EL903", 3, 29, 40)}));
}

TEST(OptionVariablesTest, ToxSetenvExpandedInCommands) {
  const std::string text =
      "[testenv]\n"
      "setenv =\n"
      "    WEB_ARGS = -k eventlet\n"
      "commands = gunicorn {env:WEB_ARGS} app:app\n";
  EXPECT_EQ(audit("tox.ini", text), (Hits{at("EL102", 2, 15, 26)}));
}

TEST(TextFindingsTest, FindingsCarryRuleSeverityAndMessage) {
  std::vector<FileProblem> problems;
  const std::vector<Finding> findings =
      analyze_text_file(TextFileKind::Requirements, "eventlet>=0.33\n", problems);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_NE(findings[0].rule, nullptr);
  EXPECT_EQ(findings[0].rule->code, "EL901");
  EXPECT_EQ(findings[0].severity, findings[0].rule->default_severity);
  EXPECT_EQ(findings[0].range.start_byte, 0u);
  EXPECT_EQ(findings[0].range.end_byte, 14u);
  EXPECT_EQ(findings[0].qualified_name, "");
  EXPECT_NE(findings[0].message.find("eventlet>=0.33"), std::string::npos) << findings[0].message;
  EXPECT_EQ(findings[0].message.find("{api}"), std::string::npos) << findings[0].message;
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
