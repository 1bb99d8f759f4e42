package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.iamdojo.training.member.Member;
import org.iamdojo.training.member.MemberRole;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin view lists accounts and its buttons change roles and sign-in access. */
class AdminViewTest extends KaribuTestBase {

    @Autowired
    MemberService memberService;

    @SuppressWarnings("unchecked")
    private Grid<Member> grid() {
        return _get(Grid.class, spec -> spec.withId("members"));
    }

    private int rowOf(Grid<Member> grid, String username) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).getUsername().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " is not in the grid");
    }

    private Button button(Grid<Member> grid, String username, String className) {
        Component cell = GridKt._getCellComponent(grid, rowOf(grid, username), AdminView.ACTIONS);
        return _get(cell, Button.class, spec -> spec.withClasses(className));
    }

    @Test
    void adminGrantsAndRevokesInstructor() {
        memberService.signUp("karibu-teacher", "Str0ng-enough-pass");
        signInAs("admin", "ADMIN");
        UI.getCurrent().navigate(AdminView.class);

        Button grant = button(grid(), "karibu-teacher", "toggle-instructor");
        assertThat(grant.getText()).isEqualTo("Make instructor");
        ButtonKt._click(grant);
        assertThat(memberService.find("karibu-teacher").orElseThrow().hasRole(MemberRole.INSTRUCTOR)).isTrue();
        assertThat(GridKt._getFormatted(grid(), rowOf(grid(), "karibu-teacher"), "roles")).isEqualTo("Learner, Instructor");

        Button revoke = button(grid(), "karibu-teacher", "toggle-instructor");
        assertThat(revoke.getText()).isEqualTo("Remove instructor");
        ButtonKt._click(revoke);
        assertThat(memberService.find("karibu-teacher").orElseThrow().hasRole(MemberRole.INSTRUCTOR)).isFalse();
    }

    @Test
    void adminDisablesAndEnablesAnAccountButNotTheirOwn() {
        memberService.signUp("karibu-gone", "Str0ng-enough-pass");
        signInAs("admin", "ADMIN");
        UI.getCurrent().navigate(AdminView.class);

        ButtonKt._click(button(grid(), "karibu-gone", "toggle-enabled"));
        assertThat(memberService.find("karibu-gone").orElseThrow().isEnabled()).isFalse();
        Button enable = button(grid(), "karibu-gone", "toggle-enabled");
        assertThat(enable.getText()).isEqualTo("Enable");
        ButtonKt._click(enable);
        assertThat(memberService.find("karibu-gone").orElseThrow().isEnabled()).isTrue();

        assertThat(button(grid(), "admin", "toggle-enabled").isEnabled()).isFalse();
    }

    @Test
    void learnerCannotOpenTheAdminView() {
        signInAs("karibu-learner", "LEARNER");
        UI.getCurrent().navigate("admin");
        // Karibu's stand-in for the access-denied route ends in Vaadin's internal-error view (the browser test checks
        // ours). Its text differs by mode: the dev-mode page adds the stack trace, the production-mode page (as built
        // by mvn -Pproduction) only names the root cause's class, so only the class name is asserted.
        // Karibu's locators refuse to search an internal-error page, so the router's target is inspected directly.
        var shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(shown).isNotInstanceOf(AdminView.class);
        assertThat(((Component) shown).getElement().getTextRecursively()).contains("AccessDeniedException");
    }
}
