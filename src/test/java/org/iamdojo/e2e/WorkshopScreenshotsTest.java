package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workshop board and the join page in both languages (target/screenshots/workshop-*.png), and the board
 * updating by server push in a real browser within 2 seconds of a learner's grading.
 */
class WorkshopScreenshotsTest extends BrowserTestBase {
    @Autowired
    WorkshopService workshops;
    @Autowired
    MemberService members;
    @Autowired
    AttemptService attempts;

    @ParameterizedTest
    @CsvSource({"en-US,en,IAM basics workshop,Join", "ko-KR,ko,IAM 기초 워크숍,참가하기"})
    void boardAndJoin(String browserLocale, String suffix, String title, String joinLabel) {
        Instant now = Instant.now();
        Workshop w = workshops.create("admin", new WorkshopService.Draft(title + " " + suffix,
                List.of("developers-and-testers", "explicit-deny-wins", "root-account-hygiene"),
                now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(2)), true, true));
        String[] people = {"minji-" + suffix, "jisoo-" + suffix, "alex-" + suffix};
        for (String p : people) {
            members.signUp(p, GOOD_PASSWORD);
            workshops.join(w.joinCode(), p);
        }
        LiveAttempt first = workshops.openAttempt(w.id(), "developers-and-testers", people[0]);
        first.useHint(2, 1);
        attempts.grade(first);
        workshops.openAttempt(w.id(), "explicit-deny-wins", people[0]);
        attempts.grade(workshops.openAttempt(w.id(), "developers-and-testers", people[1]));

        newSession(browserLocale);
        open("/login");
        signIn("admin", ADMIN_PASSWORD);
        open("/workshops/board/" + w.id());
        assertThat(page.locator("#join-code")).hasText(w.joinCode());
        assertThat(page.locator("#board-grid")).isVisible();
        screenshot("workshop-board-" + suffix);

        // A learner grades in another session: the open board shows it by server push within 2 seconds.
        LiveAttempt third = workshops.openAttempt(w.id(), "root-account-hygiene", people[2]);
        int score = attempts.grade(third).total();
        assertThat(page.locator("#board-grid vaadin-grid-cell-content", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(score + "/" + third.scenario().maxPoints())).first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(2_000));

        open("/workshops");
        assertThat(page.locator("#my-workshops")).isVisible();
        screenshot("workshop-list-" + suffix);

        newSession(browserLocale);
        open("/login");
        signIn(people[0], GOOD_PASSWORD);
        open("/join");
        assertThat(page.locator("#join-submit")).hasText(joinLabel);
        screenshot("workshop-join-" + suffix);
        page.locator("#join-code-field input").fill(w.joinCode());
        page.locator("#join-submit").click();
        assertThat(page.locator("#workshop-scenarios")).isVisible();
        screenshot("workshop-learner-" + suffix);
    }
}
