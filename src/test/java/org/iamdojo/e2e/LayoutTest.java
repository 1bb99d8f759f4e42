package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11.9: the console pages fit a 1280×800 laptop screen in English and Korean. Every checked element lies
 * inside its card (nothing spills, nothing is clipped), grid columns fit their grid (CloudTrail's Source IP
 * header visible and not cut) and the visual policy builder's action labels never overlap one another. A
 * failure names every element out of place with both boxes. Screenshots: target/screenshots/layout-*.png.
 */
class LayoutTest extends BrowserTestBase {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    // Sub-pixel rounding of borders and shadows; a real overflow is many pixels.
    private static final double SLACK = 1.0;
    /** How long an element may take to settle inside its card. */
    private static final double SETTLE_MS = 3_000;
    /** The console's white card around the current page. */
    private static final String CARD = ".console-content";

    // Many axe runs and layout measurements on a shared 2-core machine: assertions wait up to 15 s, not 5 s.
    private static final double PATIENT_MS = 15_000;
    private static final double USUAL_MS = 5_000;

    private final List<String> problems = new ArrayList<>();
    /** Where the checks run now, e.g. "player-ko"; it starts each problem. */
    private String where = "";

    @BeforeAll
    static void patientAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENT_MS);
    }

    @AfterAll
    static void usualAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(USUAL_MS);
    }

    @ParameterizedTest
    @CsvSource({"en-US,en,Source IP", "ko-KR,ko,소스 IP"})
    void consolePagesFitALaptopScreen(String browserLocale, String suffix, String ipHeader) {
        newSession(browserLocale);
        page.setViewportSize(WIDTH, HEIGHT);
        signUp("layout-" + suffix, GOOD_PASSWORD);
        signIn("layout-" + suffix, GOOD_PASSWORD);
        page.locator("#nav-console").click();
        assertThat(page.locator("#console-nav")).isVisible();
        consolePages("console-" + suffix, ipHeader);

        // Beside a scenario the console has about two thirds of the width.
        page.locator("#nav-scenarios").click();
        page.locator("#open-ec2-to-s3-without-keys").click();
        assertThat(page.locator("#check-my-work")).isVisible();
        assertThat(page.locator("#console-nav")).isVisible();
        consolePages("player-" + suffix, ipHeader);

        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    /** Checks the account, EC2, simulator, policy builder and CloudTrail pages of the console on screen. */
    private void consolePages(String where, String ipHeader) {
        this.where = where;
        page.locator("#console-nav-account").click();
        Locator tasks = page.locator("#root-tasks");
        assertThat(tasks).isVisible();
        Locator tasksCard = page.locator(".account-card").filter(new Locator.FilterOptions().setHas(tasks));
        inside(tasks, tasksCard, "root tasks grid");
        columnsFit(tasks, "root tasks grid");
        // The "Try it" buttons: all of each one on screen, within the grid.
        Locator tryButtons = tasks.locator("vaadin-button");
        assertTrue(tryButtons.count() > 0, "no Try it button");
        for (int i = 0; i < tryButtons.count(); i++) {
            inside(tryButtons.nth(i), tasks, "Try it button " + i);
        }
        noSidewaysScroll("account");
        shot("layout-" + where + "-account", tasksCard);

        page.locator("#console-nav-ec2").click();
        page.locator("#ec2-launch").click();
        assertThat(page.locator("#ec2-detail-title")).isVisible();
        page.locator("#ec2-run").click();
        assertThat(page.locator("#ec2-run-output")).isVisible();
        // The refusal stays until closed, over the lower left corner; the learner closes it.
        page.locator("vaadin-notification-card[theme~='error'] vaadin-button").last().click();
        Locator card = page.locator(CARD);
        for (String id : List.of("#ec2-run-service", "#ec2-run-operation", "#ec2-run", "#ec2-run-params",
                "#ec2-run-output", ".ec2-run", "#ec2-instances")) {
            inside(page.locator(id), card, id);
        }
        columnsFit(page.locator("#ec2-instances"), "EC2 instances grid");
        noSidewaysScroll("ec2");
        shot("layout-" + where + "-ec2", page.locator(".ec2-run"));

        page.locator("#console-nav-simulator").click();
        page.locator("#sim-actions input").fill("s3:GetObject s3:PutObject iam:CreateUser");
        page.locator("#sim-resources input").fill("arn:aws:s3:::reports/q1.txt");
        page.locator("#sim-run").click();
        Locator results = page.locator("#sim-results");
        assertThat(results).containsText("implicitDeny");
        results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("s3:PutObject"))
                .first().click();
        Locator flow = page.locator(".eval-flow").first();
        assertThat(flow).isVisible();
        inside(results, card, "simulator results");
        inside(flow, results, "evaluation flow");
        for (int i = 0; i < flow.locator(".eval-layer").count(); i++) {
            inside(flow.locator(".eval-layer").nth(i), results, "evaluation layer " + i);
        }
        columnsFit(results, "simulator results grid");
        noSidewaysScroll("simulator");
        flow.scrollIntoViewIfNeeded();
        shot("layout-" + where + "-simulator", results);

        page.locator("#console-nav-policies").click();
        page.locator("#create-policy").click();
        page.locator("#policy-builder-open").click();
        page.locator("#builder-service input").fill("s3 ");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("s3 \u2014 Amazon S3").setExact(true))
                .click();
        assertThat(page.locator("#builder-service input")).hasValue("s3 \u2014 Amazon S3");
        Locator levels = page.locator(".builder-level-details");
        assertThat(levels.first()).isVisible();
        for (int i = 0; i < levels.count(); i++) {
            levels.nth(i).locator("vaadin-details-summary").click();
        }
        Locator boxes = page.locator(".builder-level vaadin-checkbox");
        assertThat(boxes.first()).isVisible();
        labelsApart();
        Locator overlay = page.locator("vaadin-dialog-overlay").last();
        // The dialog scrolls up and down; sideways every access level is within it.
        for (int i = 0; i < levels.count(); i++) {
            insideSideways(levels.nth(i), overlay.locator("[part='content']"), "access level " + i);
        }
        shot("layout-" + where + "-builder", levels.first());
        page.keyboard().press("Escape");
        assertThat(page.locator("#builder-add")).hasCount(0);
        page.keyboard().press("Escape");
        assertThat(page.locator("#policy-editor-dialog")).hasCount(0);

        page.locator("#console-nav-cloudtrail").click();
        Locator trail = page.locator("#trail-events");
        assertThat(trail).containsText("RunInstances");
        inside(trail, card, "CloudTrail grid");
        columnsFit(trail, "CloudTrail grid");
        // The header cell (the grid's light-DOM cell content) of the Source IP column, seen whole in the grid.
        Locator ip = trail.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(ipHeader)).first();
        assertThat(ip).isVisible();
        inside(ip, trail, "CloudTrail Source IP header");
        noSidewaysScroll("cloudtrail");
        shot("layout-" + where + "-cloudtrail", trail);
    }

    /** Screenshot of the page with {@code target} scrolled into view. */
    private void shot(String name, Locator target) {
        target.scrollIntoViewIfNeeded();
        screenshot(name);
    }

    /** Records a problem unless {@code inner}'s box lies within {@code outer}'s box. */
    private void inside(Locator inner, Locator outer, String what) {
        contained(inner, outer, what, true);
    }

    /** Records a problem unless {@code inner}'s box lies between the left and right edges of {@code outer}'s. */
    private void insideSideways(Locator inner, Locator outer, String what) {
        contained(inner, outer, what, false);
    }

    private void contained(Locator inner, Locator outer, String what, boolean vertically) {
        BoundingBox in = inner.first().boundingBox();
        BoundingBox out = outer.first().boundingBox();
        if (in == null || out == null) {
            problem(what + ": not rendered (" + in + " in " + out + ")");
            return;
        }
        // Layout may still settle (a details row opening, a grid sizing its columns): give it a moment.
        try {
            page.waitForFunction("""
                    ([a, b, vertically]) => {
                      const i = a.getBoundingClientRect(), o = b.getBoundingClientRect(), s = %s;
                      return i.left >= o.left - s && i.right <= o.right + s
                          && (!vertically || (i.top >= o.top - s && i.bottom <= o.bottom + s));
                    }""".formatted(SLACK), List.of(inner.first().elementHandle(), outer.first().elementHandle(),
                    vertically), new Page.WaitForFunctionOptions().setTimeout(SETTLE_MS));
        } catch (TimeoutError e) {
            in = inner.first().boundingBox();
            out = outer.first().boundingBox();
            problem(what + ": " + box(in) + (vertically ? " is not inside " : " sticks out sideways of ") + box(out));
        }
    }

    /** Records a problem for each column of {@code grid} that is cut off by the grid, and each cell cut short. */
    private void columnsFit(Locator grid, String what) {
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) grid.evaluate("""
                g => {
                  const box = g.getBoundingClientRect();
                  const out = [];
                  if (!g.shadowRoot.querySelector('thead th')) out.push('no header cells');
                  for (const cell of g.shadowRoot.querySelectorAll('thead th')) {
                    if (cell.hidden || cell.offsetWidth === 0) continue;
                    const content = cell.querySelector('slot').assignedElements()[0];
                    if (!content) continue;
                    const r = cell.getBoundingClientRect();
                    const name = content.textContent.trim();
                    if (r.left < box.left - 1 || r.right > box.right + 1) {
                      out.push(`column '${name}' at ${Math.round(r.left)}..${Math.round(r.right)} outside the grid `
                          + `${Math.round(box.left)}..${Math.round(box.right)}`);
                    }
                  }
                  // Any cell, header or body, whose text is wider than the cell: cut off or cut short by an ellipsis.
                  let cut = 0;
                  for (const content of g.querySelectorAll(':scope > vaadin-grid-cell-content')) {
                    if (content.offsetWidth === 0 || content.assignedSlot === null) continue;
                    if (content.scrollWidth > content.clientWidth + 1 && cut++ < 5) {
                      out.push(`cell '${content.textContent.trim().slice(0, 60)}' cut: `
                          + `${content.scrollWidth}px of content in ${content.clientWidth}px`);
                    }
                  }
                  return out;
                }""");
        cut.forEach(c -> problem(what + ": " + c));
    }

    /** Records a problem when the page or the console's card scrolls sideways. */
    private void noSidewaysScroll(String what) {
        Number overflow = (Number) page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth");
        if (overflow.doubleValue() > SLACK) {
            problem(what + ": the page scrolls sideways by " + overflow + "px");
        }
        Number card = (Number) page.locator(CARD).evaluate("c => c.scrollWidth - c.clientWidth");
        if (card.doubleValue() > SLACK) {
            problem(what + ": the console card scrolls sideways by " + card + "px");
        }
    }

    /** Records a problem for every two action labels whose painted text boxes intersect. */
    private void labelsApart() {
        @SuppressWarnings("unchecked")
        List<String> overlaps = (List<String>) page.evaluate("""
                () => {
                  const boxes = [];
                  for (const cb of document.querySelectorAll('.builder-level vaadin-checkbox')) {
                    const label = cb.querySelector('label');
                    if (!label || cb.offsetWidth === 0) continue;
                    const range = document.createRange();
                    range.selectNodeContents(label);
                    for (const r of range.getClientRects()) {
                      if (r.width > 0) boxes.push({name: label.textContent.trim(), r});
                    }
                  }
                  const out = [];
                  for (let i = 0; i < boxes.length; i++) {
                    for (let j = i + 1; j < boxes.length; j++) {
                      const a = boxes[i].r, b = boxes[j].r;
                      if (boxes[i].name !== boxes[j].name && a.left < b.right - 1 && b.left < a.right - 1
                          && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                        out.push(`'${boxes[i].name}' overlaps '${boxes[j].name}'`);
                      }
                    }
                  }
                  return out.length ? out : (boxes.length ? [] : ['no action labels rendered']);
                }""");
        overlaps.forEach(o -> problem("visual policy builder: " + o));
    }

    private void problem(String text) {
        problems.add(where + ": " + text);
    }

    private static String box(BoundingBox b) {
        return String.format("[x %.0f..%.0f, y %.0f..%.0f]", b.x, b.x + b.width, b.y, b.y + b.height);
    }
}
