package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.iamdojo.InMemoryAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-up rules, the first admin, admin actions and the sign-up rate, against the real database schema. */
@InMemoryAppTest
class MemberServiceTest {

    @Autowired
    MemberService members;
    @Autowired
    MemberUserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void realTime() {
        members.setClock(Clock.systemUTC());
    }

    @Test
    void firstStartCreatedTheAdminWithTheConfiguredPassword() {
        Member admin = members.find(FirstAdminInitializer.ADMIN_USERNAME).orElseThrow();
        assertThat(admin.getRoles()).containsExactly(MemberRole.ADMIN);
        assertThat(passwordEncoder.matches("Adm1n-Test-Pass", admin.getPasswordHash())).isTrue();
    }

    @Test
    void generatedAdminPasswordsAreLongAndDiffer() {
        String a = FirstAdminInitializer.randomPassword();
        assertThat(a).hasSize(20);
        assertThat(a).isNotEqualTo(FirstAdminInitializer.randomPassword());
    }

    @Test
    void usernamesAreStoredInLowerCaseAndUniqueIgnoringCase() {
        members.signUp("  Svc-Case ", "Str0ng-enough-pass");
        assertThat(members.find("svc-case")).isPresent();
        assertThatThrownBy(() -> members.signUp("SVC-CASE", "Str0ng-enough-pass"))
                .isInstanceOfSatisfying(SignUpRejectedException.class, e -> assertThat(e.problems())
                        .containsExactly(new SignUpProblem("username", "signup.error.username.taken")));
    }

    @Test
    void passwordContainingTheUsernameIsRefused() {
        assertThat(members.checkSignUp("dojo-fan", "dojo-fan-2024!"))
                .containsExactly(new SignUpProblem("password", "signup.error.password.username"));
    }

    @Test
    void disabledMembersCannotSignInAndAdminsCannotDisableThemselves() {
        members.signUp("svc-off", "Str0ng-enough-pass");
        members.setEnabled("svc-off", false, "admin");
        assertThat(userDetails.loadUserByUsername("svc-off").isEnabled()).isFalse();
        assertThatThrownBy(() -> members.setEnabled("admin", false, "admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instructorRoleBecomesAnAuthority() {
        members.signUp("svc-teach", "Str0ng-enough-pass");
        members.setInstructor("svc-teach", true);
        assertThat(userDetails.loadUserByUsername("svc-teach").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_LEARNER", "ROLE_INSTRUCTOR");
    }

    @Test
    void accessFollowsDisablingAndRevokingAtOnce() {
        members.signUp("svc-state", "Str0ng-enough-pass");
        members.setInstructor("svc-state", true);
        assertThat(members.access("svc-state").orElseThrow().roles()).contains(MemberRole.INSTRUCTOR);
        members.setInstructor("svc-state", false);
        assertThat(members.access("svc-state").orElseThrow().roles()).containsExactly(MemberRole.LEARNER);
        assertThat(members.access("svc-state").orElseThrow().enabled()).isTrue();
        members.setEnabled("svc-state", false, "admin");
        assertThat(members.access("svc-state").orElseThrow().enabled()).isFalse();
        assertThat(members.access("svc-nobody")).isEmpty();
    }

    @Test
    void signUpsAreLimitedPerAddressWithoutLookingTheNameUp() {
        String address = "198.51.100.77";
        for (int i = 0; i < 60; i++) {
            assertThat(members.checkSignUpFrom(address, "admin", "Str0ng-enough-pass"))
                    .containsExactly(new SignUpProblem("username", "signup.error.username.taken"));
        }
        // Over the limit the answer is the same for a taken name and a free one.
        assertThat(members.checkSignUpFrom(address, "admin", "Str0ng-enough-pass"))
                .containsExactly(new SignUpProblem("username", "signup.error.rate"));
        assertThat(members.checkSignUpFrom(address, "svc-free-name", "Str0ng-enough-pass"))
                .containsExactly(new SignUpProblem("username", "signup.error.rate"));
        assertThat(members.checkSignUpFrom("198.51.100.78", "svc-free-name", "Str0ng-enough-pass")).isEmpty();
    }
}
