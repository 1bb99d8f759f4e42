package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iamdojo.InMemoryAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-up rules, the first admin, temporary locks and admin actions, against the real database schema. */
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
    void fifthFailureLocksTheAccountForTwoMinutes() {
        members.signUp("svc-lock", "Str0ng-enough-pass");
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        members.setClock(Clock.fixed(start, ZoneOffset.UTC));
        for (int i = 0; i < MemberService.MAX_FAILED_SIGN_INS - 1; i++) {
            members.recordFailedSignIn("svc-lock");
        }
        assertThat(userDetails.loadUserByUsername("svc-lock").isAccountNonLocked()).isTrue();
        members.recordFailedSignIn("svc-lock");
        assertThat(userDetails.loadUserByUsername("svc-lock").isAccountNonLocked()).isFalse();

        members.setClock(Clock.fixed(start.plus(MemberService.LOCK_DURATION).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertThat(userDetails.loadUserByUsername("svc-lock").isAccountNonLocked()).isTrue();
    }

    @Test
    void successfulSignInResetsTheCounter() {
        members.signUp("svc-reset", "Str0ng-enough-pass");
        for (int i = 0; i < MemberService.MAX_FAILED_SIGN_INS - 1; i++) {
            members.recordFailedSignIn("svc-reset");
        }
        members.recordSuccessfulSignIn("svc-reset");
        members.recordFailedSignIn("svc-reset");
        assertThat(members.find("svc-reset").orElseThrow().getFailedSignIns()).isEqualTo(1);
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
}
