package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped scenario loads, its reference solution scores full marks, and its lazy shortcut does not pass. */
class ScenarioSolutionsTest {
    static final Path FOLDER = Path.of("scenarios");
    static PolicyValidator validator;
    static ScenarioCatalog catalog;
    static Grader grader;

    @BeforeAll
    static void load() {
        validator = PolicyValidator.standard();
        catalog = new ScenarioCatalog(FOLDER, validator);
        grader = new Grader(PolicyValidator.standard());
    }

    static Attempt start(Scenario s) {
        return Attempt.start(s, SandboxClock.fixed(Instant.parse("2025-03-01T09:00:00Z")), 42L, validator);
    }

    @Test
    void everyScenarioLoads() {
        assertThat(catalog.unavailable()).as("broken scenario files").isEmpty();
        assertThat(catalog.scenarios()).extracting(Scenario::id).hasSizeGreaterThanOrEqualTo(10);
    }

    /** Issue 11, point 1: the simulator's principal mode (SimulatePrincipalPolicy) failed inside scenarios. */
    @Test
    void scenarioSandboxesHaveEveryOperationOfThePlayground() {
        Scenario s = catalog.scenarios().get(0);
        List<String> playground = SandboxFactory.create(SandboxClock.system(), 1L).operationNames();
        assertThat(start(s).sandbox().operationNames()).containsExactlyElementsOf(playground)
                .contains("iam:SimulatePrincipalPolicy");
    }

    /**
     * Issue 11, point 8: explanations a learner reads in the untouched sandbox and after the lazy shortcut start
     * with a capital, say "an access key id", and carry no unresolved Korean particle such as "이(가)".
     */
    @TestFactory
    Stream<DynamicTest> explanationsReadAsSentences() {
        return catalog.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> {
            for (boolean lazy : new boolean[] {false, true}) {
                Attempt attempt = start(s);
                if (lazy) {
                    attempt.apply(s.lazySolution());
                }
                for (GradeReport.CheckResult r : grader.grade(attempt).failures()) {
                    if (r.explanation() == null) {
                        continue;
                    }
                    String en = r.explanation().in(Locale.ENGLISH);
                    assertThat(en).as(s.id()).doesNotStartWith("user ").doesNotStartWith("role ")
                            .doesNotStartWith("group ").doesNotStartWith("bucket ").doesNotStartWith("root ").doesNotContain(" a Access")
                            .doesNotContain(" a Secret").doesNotContain(" a Session");
                    assertThat(r.explanation().in(Locale.KOREAN)).as(s.id()).doesNotContain("이(가)").doesNotContain("을(를)")
                            .doesNotContain("은(는)");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> referenceSolutionScoresFullMarks() {
        return catalog.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> {
            Attempt attempt = start(s);
            attempt.apply(s.solution());
            GradeReport report = grader.grade(attempt);
            assertThat(report.failures()).as(() -> explain(report)).isEmpty();
            assertThat(report.total()).isEqualTo(report.max());
            assertThat(report.max()).isEqualTo(100);
            assertThat(report.passed()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> lazySolutionDoesNotPass() {
        return catalog.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> {
            assertThat(s.lazySolution()).as("every scenario ships a lazy solution").isNotEmpty();
            Attempt attempt = start(s);
            attempt.apply(s.lazySolution());
            GradeReport report = grader.grade(attempt);
            assertThat(report.passed()).isFalse();
            assertThat(report.total()).isLessThan(report.max());
            assertThat(report.failures()).allSatisfy(f -> {
                assertThat(f.explanation().in(Locale.ENGLISH)).isNotBlank();
                assertThat(f.explanation().in(Locale.KOREAN)).isNotBlank();
            });
        }));
    }

    /**
     * Issue 11, point 7: a check shown as holding but earning 0 of its points (it held before the learner did
     * anything) says why, in both languages, instead of a bare "0/10".
     */
    @TestFactory
    Stream<DynamicTest> aHoldingCheckWithoutItsPointsSaysWhy() {
        return catalog.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> {
            GradeReport untouched = grader.grade(start(s));
            for (GradeReport.CheckResult r : untouched.checks()) {
                if (r.passed() && r.earned() < r.check().points()) {
                    assertThat(r.explanation()).as(s.id() + ": " + r.check().title().en()).isNotNull();
                    assertThat(r.explanation().in(Locale.ENGLISH)).contains("untouched sandbox");
                    assertThat(r.explanation().in(Locale.KOREAN)).contains("샌드박스");
                }
            }
        }));
    }

    @Test
    void untouchedSandboxDoesNotPass() {
        for (Scenario s : catalog.scenarios()) {
            assertThat(grader.grade(start(s)).passed()).as(s.id()).isFalse();
        }
    }

    static String explain(GradeReport report) {
        StringBuilder b = new StringBuilder();
        for (GradeReport.CheckResult r : report.failures()) {
            b.append(r.check().title().en()).append(": ").append(r.explanation() == null ? "" : r.explanation().in(Locale.ENGLISH)).append('\n');
        }
        return b.toString();
    }

    static List<Scenario> all() {
        return catalog.scenarios();
    }
}
