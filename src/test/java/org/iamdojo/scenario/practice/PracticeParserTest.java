package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.ScenarioProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken question and path files are reported with file, line and field; a broken file never hides the others. */
class PracticeParserTest {
    static final Predicate<String> SCENARIOS = Set.of("explicit-deny-wins", "root-account-hygiene")::contains;
    /** The shipped exam guide outlines, by certification. */
    static final Map<String, ExamGuide> GUIDES = guides();

    static Map<String, ExamGuide> guides() {
        Map<String, ExamGuide> out = new TreeMap<>();
        for (String cert : List.of("CLF-C02", "SAA-C03", "SCS-C02")) {
            try {
                PracticeParser.Guide g = PracticeParser.guide("guides/" + cert + ".yaml",
                        Files.readString(Path.of("scenarios/guides/" + cert + ".yaml")));
                assertThat(g.problems()).isEmpty();
                out.put(cert, g.guide());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A temporary scenarios folder's guides: the shipped ones. */
    static void copyGuides(Path dir) throws IOException {
        Path guides = Files.createDirectories(dir.resolve("guides"));
        for (String cert : List.of("CLF-C02", "SAA-C03", "SCS-C02")) {
            Files.copy(Path.of("scenarios/guides/" + cert + ".yaml"), guides.resolve(cert + ".yaml"));
        }
    }

    static final String GOOD = """
            questions:
              - id: explicit-deny
                tasks: [SAA-C03/1.1, SCS-C02/4.2]
                topics: [explicit-deny]
                scenario: explicit-deny-wins
                source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
                question: {en: "Who wins?", ko: "누가 이기나요?"}
                options:
                  - {en: "Deny", ko: "거부", correct: true}
                  - {en: "Allow", ko: "허용"}
                explanation: {en: "An explicit deny wins.", ko: "명시적 거부가 이깁니다."}
            """;

    static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    ScenarioProblem only(String text) {
        PracticeParser.Questions r = PracticeParser.questions("deny.yaml", text, SCENARIOS, GUIDES);
        assertThat(r.ok()).isFalse();
        assertThat(r.questions()).isEmpty();
        assertThat(r.problems().get(0).file()).isEqualTo("deny.yaml");
        return r.problems().get(0);
    }

    @Test
    void goodFileParses() {
        PracticeParser.Questions r = PracticeParser.questions("deny.yaml", GOOD, SCENARIOS, GUIDES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).singleElement().satisfies(q -> {
            assertThat(q.correctOptions()).containsExactly(0);
            assertThat(q.isAnsweredBy(Set.of(0))).isTrue();
            assertThat(q.isAnsweredBy(Set.of(0, 1))).isFalse();
        });
    }

    @Test
    void unknownField() {
        String text = GOOD.replace("    topics:", "    difficulty: hard\n    topics:");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].difficulty");
        assertThat(p.line()).isEqualTo(lineOf(text, "difficulty"));
    }

    @Test
    void wrongType() {
        String text = GOOD.replace("correct: true", "correct: 42");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].options[0].correct");
        assertThat(p.line()).isEqualTo(lineOf(text, "correct: 42"));
    }

    @Test
    void missingKorean() {
        String text = GOOD.replace("{en: \"Who wins?\", ko: \"누가 이기나요?\"}", "{en: \"Who wins?\"}");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].question.ko");
        assertThat(p.line()).isEqualTo(lineOf(text, "question:"));
        assertThat(p.message()).contains("Korean");
    }

    @Test
    void missingEnglishInAnOption() {
        String text = GOOD.replace("{en: \"Allow\", ko: \"허용\"}", "{ko: \"허용\"}");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].options[1].en");
        assertThat(p.line()).isEqualTo(lineOf(text, "{ko: \"허용\"}"));
    }

    @Test
    void linkToAScenarioThatDoesNotExist() {
        String text = GOOD.replace("scenario: explicit-deny-wins", "scenario: no-such-scenario");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].scenario");
        assertThat(p.line()).isEqualTo(lineOf(text, "scenario: no-such"));
        assertThat(p.message()).contains("no-such-scenario");
    }

    @Test
    void noCorrectOption() {
        String text = GOOD.replace(", correct: true", "");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].options");
        assertThat(p.line()).isEqualTo(lineOf(text, "options:"));
        assertThat(p.message()).contains("correct");
    }

    @Test
    void malformedTaskTag() {
        String text = GOOD.replace("[SAA-C03/1.1, SCS-C02/4.2]", "[SAA-C03/1.1, solutions-architect]");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].tasks[1]");
        assertThat(p.line()).isEqualTo(lineOf(text, "tasks:"));
        assertThat(p.message()).contains("'solutions-architect'").contains("SCS-C02/4.2");
    }

    @Test
    void taskStatementTheGuideDoesNotHave() {
        String text = GOOD.replace("SCS-C02/4.2", "SCS-C02/4.3");
        ScenarioProblem p = only(text);
        assertThat(p.format()).isEqualTo("deny.yaml:" + lineOf(text, "tasks:") + ": questions[0].tasks[1]: 'SCS-C02/4.3': "
                + "the SCS-C02 exam guide has no task statement 4.3 (it has 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 2.4, 2.5, 3.1, "
                + "3.2, 3.3, 3.4, 4.1, 4.2, 5.1, 5.2, 5.3, 5.4, 6.1, 6.2, 6.3, 6.4)");
    }

    @Test
    void taskOfAnExamWithoutAGuide() {
        ScenarioProblem p = only(GOOD.replace("SAA-C03/1.1", "DVA-C02/2.1"));
        assertThat(p.path()).isEqualTo("questions[0].tasks[0]");
        assertThat(p.message()).isEqualTo("'DVA-C02/2.1': there is no exam guide DVA-C02 (known: CLF-C02, SAA-C03, SCS-C02)");
    }

    @Test
    void theOldCertificationsFieldIsUnknown() {
        String text = GOOD.replace("tasks: [SAA-C03/1.1, SCS-C02/4.2]", "certifications: [SAA-C03]");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].certifications");
        assertThat(p.line()).isEqualTo(lineOf(text, "certifications:"));
    }

    @Test
    void tagsAreRequiredAndListedOnce() {
        assertThat(only(GOOD.replace("    tasks: [SAA-C03/1.1, SCS-C02/4.2]\n", "")).path()).isEqualTo("questions[0].tasks");
        ScenarioProblem twice = only(GOOD.replace("[SAA-C03/1.1, SCS-C02/4.2]", "[SAA-C03/1.1, SAA-C03/1.1]"));
        assertThat(twice.path()).isEqualTo("questions[0].tasks[1]");
        assertThat(twice.message()).contains("listed twice");
    }

    @Test
    void sourceIsRequiredAndAnAwsPage() {
        String without = GOOD.replace("    source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html\n", "");
        assertThat(only(without).path()).isEqualTo("questions[0].source");
        ScenarioProblem elsewhere = only(GOOD.replace("https://docs.aws.amazon.com/", "https://example.com/"));
        assertThat(elsewhere.path()).isEqualTo("questions[0].source");
        assertThat(elsewhere.message()).contains("docs.aws.amazon.com");
    }

    @Test
    void scenarioIsOptional() {
        PracticeParser.Questions r = PracticeParser.questions("deny.yaml",
                GOOD.replace("    scenario: explicit-deny-wins\n", ""), SCENARIOS, GUIDES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.questions().get(0).scenario()).isNull();
        assertThat(r.questions().get(0).certifications()).containsExactly("SAA-C03", "SCS-C02");
        assertThat(r.questions().get(0).tasksOf("SCS-C02")).containsExactly("4.2");
    }

    @Test
    void aMultipleResponseStemSaysHowManyToChoose() {
        String two = GOOD.replace("{en: \"Allow\", ko: \"허용\"}", "{en: \"Allow\", ko: \"허용\", correct: true}")
                .replace("  - {en: \"Deny\", ko: \"거부\", correct: true}", "  - {en: \"Deny\", ko: \"거부\", correct: true}\n      - {en: \"Neither\", ko: \"둘 다 아님\"}");
        PracticeParser.Questions r = PracticeParser.questions("deny.yaml", two, SCENARIOS, GUIDES);
        assertThat(r.problems()).extracting(ScenarioProblem::path).containsExactly("questions[0].question.en", "questions[0].question.ko");
        assertThat(r.problems().get(0).message()).contains("(Choose two.)");
        String fixed = two.replace("{en: \"Who wins?\", ko: \"누가 이기나요?\"}",
                "{en: \"Who wins? (Choose two.)\", ko: \"누가 이기나요? (두 개 선택)\"}");
        assertThat(PracticeParser.questions("deny.yaml", fixed, SCENARIOS, GUIDES).problems()).isEmpty();
        // One correct option but the stem asks for two.
        assertThat(only(GOOD.replace("Who wins?\"", "Who wins? (Choose two.)\"")).path()).isEqualTo("questions[0].question");
    }

    @Test
    void brokenGuideIsReportedAndItsTagsAreUnknown(@TempDir Path dir) throws IOException {
        copyGuides(dir);
        Path guide = dir.resolve("guides/SCS-C02.yaml");
        String text = Files.readString(guide).replace("weight: 16", "weight: 17");
        Files.writeString(guide, text);
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questions.resolve("good.yaml"), GOOD);
        ScenarioCatalog scenarios = new ScenarioCatalog(Path.of("scenarios"), PolicyValidator.standard());
        PracticeCatalog catalog = new PracticeCatalog(questions, dir.resolve("paths"), scenarios);
        assertThat(catalog.guides()).extracting(ExamGuide::certification).containsExactly("CLF-C02", "SAA-C03");
        assertThat(catalog.unavailable()).extracting(ScenarioCatalog.Unavailable::file)
                .containsExactly("guides/SCS-C02.yaml", "questions/good.yaml");
        assertThat(catalog.unavailable().get(0).problems().get(0).format())
                .isEqualTo("guides/SCS-C02.yaml:" + lineOf(text, "domains:") + ": domains: the domain weights add up to 101 %, not 100 %");
    }

    @Test
    void guideNumbersFollowTheGuide() throws IOException {
        String text = Files.readString(Path.of("scenarios/guides/SAA-C03.yaml")).replace("{id: \"1.2\"", "{id: \"1.4\"");
        PracticeParser.Guide g = PracticeParser.guide("guides/SAA-C03.yaml", text);
        assertThat(g.ok()).isFalse();
        assertThat(g.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("domains[0].tasks[1].id");
            assertThat(p.line()).isEqualTo(lineOf(text, "{id: \"1.4\""));
        });
        String unquoted = Files.readString(Path.of("scenarios/guides/SAA-C03.yaml")).replace("{id: \"1.2\"", "{id: 1.2");
        assertThat(PracticeParser.guide("guides/SAA-C03.yaml", unquoted).problems()).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("domains[0].tasks[1].id"));
    }

    @Test
    void pathLinkingAMissingQuestion() {
        String text = """
                certification: SAA-C03
                title: {en: "T", ko: "제목"}
                summary: {en: "S", ko: "요약"}
                items:
                  - scenario: explicit-deny-wins
                  - question: nope
                exam: {minutes: 10, questions: 2}
                """;
        PracticeParser.Path r = PracticeParser.path("SAA-C03.yaml", text, SCENARIOS, id -> null, GUIDES::containsKey);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(ScenarioProblem::path).contains("items[1].question", "exam.questions");
        assertThat(r.problems().get(0).line()).isEqualTo(6);
    }

    @Test
    void brokenFileIsReportedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        copyGuides(dir);
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questions.resolve("good.yaml"), GOOD);
        Files.writeString(questions.resolve("bad.yaml"), GOOD.replace("explicit-deny\n", "other\n")
                .replace("scenario: explicit-deny-wins", "scenario: gone"));
        ScenarioCatalog scenarios = new ScenarioCatalog(Path.of("scenarios"), PolicyValidator.standard());
        PracticeCatalog catalog = new PracticeCatalog(questions, dir.resolve("paths"), scenarios);
        assertThat(catalog.questions()).extracting(Question::id).containsExactly("explicit-deny");
        assertThat(catalog.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo("questions/bad.yaml");
            assertThat(u.problems().get(0).format()).startsWith("questions/bad.yaml:5: questions[0].scenario:");
        });
    }

    @Test
    void oddFilesAreUnavailableNotFatal(@TempDir Path dir) throws IOException {
        copyGuides(dir);
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Files.writeString(questions.resolve("good.yaml"), GOOD);
        Files.writeString(questions.resolve("a-null-item.yaml"), "questions: [~]\n");
        Files.writeString(questions.resolve("b-null-option.yaml"), GOOD.replace("  - {en: \"Allow\", ko: \"허용\"}", "  - ~"));
        Files.writeString(questions.resolve("c-a-list.yaml"), "- one\n- two\n");
        Files.writeString(questions.resolve("d-empty.yaml"), "");
        Files.writeString(questions.resolve("e-tabs.yaml"), "questions:\n\t- id: x\n");
        ScenarioCatalog scenarios = new ScenarioCatalog(Path.of("scenarios"), PolicyValidator.standard());
        PracticeCatalog catalog = new PracticeCatalog(questions, dir.resolve("paths"), scenarios);
        assertThat(catalog.questions()).extracting(Question::id).containsExactly("explicit-deny");
        assertThat(catalog.unavailable()).extracting(ScenarioCatalog.Unavailable::file).containsExactly(
                "questions/a-null-item.yaml", "questions/b-null-option.yaml", "questions/c-a-list.yaml",
                "questions/d-empty.yaml", "questions/e-tabs.yaml");
        assertThat(catalog.unavailable()).allSatisfy(u -> assertThat(u.problems()).isNotEmpty());
    }

    @Test
    void scenarioReloadRechecksTheLinksAndAFixedFileComesBack(@TempDir Path dir) throws IOException {
        Path scenarioDir = Files.createDirectories(dir.resolve("scenarios"));
        Path questions = Files.createDirectories(scenarioDir.resolve("questions"));
        copyGuides(scenarioDir);
        Files.writeString(questions.resolve("deny.yaml"), GOOD.replace("    topics:", "    difficulty: hard\n    topics:"));
        ScenarioCatalog scenarios = new ScenarioCatalog(scenarioDir, PolicyValidator.standard());
        PracticeCatalog catalog = new PracticeCatalog(questions, scenarioDir.resolve("paths"), scenarios);
        assertThat(catalog.questions()).isEmpty();
        assertThat(catalog.unavailable()).singleElement().satisfies(u -> assertThat(u.problems().get(0).format())
                .startsWith("questions/deny.yaml:4: questions[0].difficulty:"));

        // Fixed, but the scenario it links to is not there yet.
        Files.writeString(questions.resolve("deny.yaml"), GOOD);
        scenarios.reload();
        assertThat(catalog.unavailable()).singleElement().satisfies(u -> assertThat(u.problems().get(0).format())
                .isEqualTo("questions/deny.yaml:5: questions[0].scenario: there is no scenario 'explicit-deny-wins'"));

        // Reloading the scenarios reloads the questions after them, so the new scenario counts.
        Files.copy(Path.of("scenarios/explicit-deny-wins.yaml"), scenarioDir.resolve("explicit-deny-wins.yaml"));
        scenarios.reload();
        assertThat(catalog.unavailable()).isEmpty();
        assertThat(catalog.question("explicit-deny")).isPresent();
    }

    @Test
    void shippedQuestionsAndPathsAllLoad() {
        ScenarioCatalog scenarios = new ScenarioCatalog(Path.of("scenarios"), PolicyValidator.standard());
        PracticeCatalog catalog = new PracticeCatalog(Path.of("scenarios/questions"), Path.of("scenarios/paths"), scenarios);
        assertThat(catalog.unavailable()).isEmpty();
        assertThat(catalog.questions()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalog.paths()).extracting(PracticePath::certification).containsExactly("CLF-C02", "SAA-C03", "SCS-C02");
        for (String cert : Set.of("CLF-C02", "SAA-C03", "SCS-C02")) {
            assertThat(catalog.questions().stream().filter(q -> q.certifications().contains(cert)).count())
                    .as(cert).isGreaterThanOrEqualTo(10);
        }
        // Every question is reachable from at least one path.
        Set<String> onPaths = new java.util.HashSet<>();
        catalog.paths().forEach(p -> p.items().forEach(i -> onPaths.add(i.question())));
        assertThat(catalog.questions()).allSatisfy(q -> assertThat(onPaths).as(q.id()).contains(q.id()));
    }
}
