package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11.9 / 15.5: the validator's findings in the policy editor are in the learner's language and long ones
 * wrap inside the editor panel at 1280×800: no finding is cut off or runs past the panel.
 * Screenshots: target/screenshots/policy-findings-{en,ko}.png.
 */
class PolicyFindingsLayoutTest extends BrowserTestBase {

    /** Raises long findings: iam:PassRole on every role, an unknown operator, a typo in Effect, no Version. */
    private static final String POLICY = "{\n  \"Statement\": [{\n    \"Effect\": \"Alow\",\n"
            + "    \"Action\": [\"iam:PassRole\", \"s3:GetObjekt\"],\n    \"Resource\": \"*\",\n"
            + "    \"Condition\": {\"StringEqualz\": {\"aws:PrincipalTag/team\": \"red\"}}\n  }, {\n"
            + "    \"Effect\": \"Allow\",\n    \"Action\": \"iam:PassRole\",\n    \"Resource\": \"*\"\n  }]\n}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en-US|en|Line 3:15 \u2014 Error \u2014 INVALID_EFFECT: The effect Alow is not valid. Use Allow or Deny.",
            "ko-KR|ko|3행 15열 \u2014 오류 \u2014 INVALID_EFFECT: Alow 효과는 올바르지 않습니다. Allow 또는 Deny를 쓰세요."})
    void longFindingsWrapInsideTheEditor(String browserLocale, String suffix, String effectFinding) {
        newSession(browserLocale);
        page.setViewportSize(1280, 800);
        signUp("findings-" + suffix, GOOD_PASSWORD);
        signIn("findings-" + suffix, GOOD_PASSWORD);
        open("/console/policies");
        page.locator("#create-policy").click();
        page.locator("#policy-json textarea").fill(POLICY);

        Locator findings = page.locator("#policy-findings .policy-finding");
        assertThat(findings.filter(new Locator.FilterOptions().setHasText("INVALID_EFFECT"))).hasText(effectFinding);
        assertThat(findings.filter(new Locator.FilterOptions().setHasText("PASS_ROLE_WITH_STAR_IN_RESOURCE")))
                .hasCount(1);
        screenshot("policy-findings-" + suffix);

        // Each finding's text is whole (its label does not hide an overflow) and its box stays inside the panel,
        // which stays inside the window.
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) page.locator("#policy-findings").evaluate("""
                panel => {
                  const p = panel.getBoundingClientRect();
                  const out = [];
                  if (p.right > window.innerWidth + 1) out.push('panel ends at ' + p.right);
                  for (const b of panel.querySelectorAll('.policy-finding')) {
                    const r = b.getBoundingClientRect();
                    const label = b.shadowRoot.querySelector('[part="label"]');
                    if (r.right > p.right + 1 || r.left < p.left - 1) out.push('outside: ' + b.textContent);
                    if (label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1)
                      out.push('cut: ' + b.textContent);
                  }
                  return out;
                }""");
        assertThat(cut).isEmpty();
    }
}
