package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.ScenarioProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken question and path files are reported with file, line and field; a broken file never hides the others. */
class PracticeParserTest {
    static final Predicate<String> SCENARIOS = Set.of("explicit-deny-wins", "root-account-hygiene")::contains;

    static final String GOOD = """
            questions:
              - id: explicit-deny
                certifications: [SAA-C03]
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
        PracticeParser.Questions r = PracticeParser.questions("deny.yaml", text, SCENARIOS);
        assertThat(r.ok()).isFalse();
        assertThat(r.questions()).isEmpty();
        assertThat(r.problems().get(0).file()).isEqualTo("deny.yaml");
        return r.problems().get(0);
    }

    @Test
    void goodFileParses() {
        PracticeParser.Questions r = PracticeParser.questions("deny.yaml", GOOD, SCENARIOS);
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
    void wrongCertificationCode() {
        String text = GOOD.replace("[SAA-C03]", "[solutions-architect]");
        ScenarioProblem p = only(text);
        assertThat(p.path()).isEqualTo("questions[0].certifications[0]");
        assertThat(p.line()).isEqualTo(lineOf(text, "certifications:"));
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
        PracticeParser.Path r = PracticeParser.path("SAA-C03.yaml", text, SCENARIOS, id -> null);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(ScenarioProblem::path).contains("items[1].question", "exam.questions");
        assertThat(r.problems().get(0).line()).isEqualTo(6);
    }

    @Test
    void brokenFileIsReportedAndTheOthersLoad(@TempDir Path dir) throws IOException {
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
