package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.iamdojo.training.member.MemberRole;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-up form shows each broken rule on its field, in the visitor's language, and creates learners. */
class SignUpViewTest extends KaribuTestBase {

    @Autowired
    MemberService memberService;

    private TextField username;
    private PasswordField password;
    private PasswordField confirm;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate(SignUpView.class);
        username = _get(TextField.class, spec -> spec.withId("signup-username"));
        password = _get(PasswordField.class, spec -> spec.withId("signup-password"));
        confirm = _get(PasswordField.class, spec -> spec.withId("signup-confirm"));
    }

    private void submit(String name, String pass, String repeat) {
        HasValueUtilsKt._setValue(username, name);
        HasValueUtilsKt._setValue(password, pass);
        HasValueUtilsKt._setValue(confirm, repeat);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("signup-submit")));
    }

    @Test
    void shortPasswordIsRefusedWithItsReason() {
        submit("karibu-short", "Ab1", "Ab1");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("The password is too short: use at least 10 characters.");
        assertThat(memberService.find("karibu-short")).isEmpty();
    }

    @Test
    void passwordOfOneCharacterClassIsRefused() {
        submit("karibu-oneclass", "onlylowercaseletters", "onlylowercaseletters");
        assertThat(password.getErrorMessage())
                .isEqualTo("Mix at least two kinds of characters: lower case, upper case, digits or symbols.");
    }

    @Test
    void commonPasswordIsRefused() {
        submit("karibu-common", "Password123", "Password123");
        assertThat(password.getErrorMessage()).startsWith("This password is too common");
    }

    @Test
    void badUsernameAndMismatchAreShownTogether() {
        submit("9 lives!", "Str0ng-enough-pass", "Str0ng-enough-pasS");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("This username does not follow the rules above.");
        assertThat(confirm.isInvalid()).isTrue();
        assertThat(confirm.getErrorMessage()).isEqualTo("The two passwords do not match.");
        assertThat(password.isInvalid()).isFalse();
    }

    @Test
    void takenUsernameIsRefused() {
        memberService.signUp("karibu-taken", "Str0ng-enough-pass");
        submit("Karibu-Taken", "An0ther-good-pass", "An0ther-good-pass");
        assertThat(username.getErrorMessage()).isEqualTo("This username is already taken. Choose another one.");
    }

    @Test
    void messagesFollowTheKoreanLocale() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().navigate(HomeView.class);
        open();
        submit("karibu-ko", "short", "short");
        assertThat(password.getErrorMessage()).isEqualTo("비밀번호가 너무 짧습니다. 10자 이상으로 정하세요.");
    }

    @Test
    void validSignUpCreatesALearnerAndGoesToSignIn() {
        submit("karibu-ok", "Str0ng-enough-pass", "Str0ng-enough-pass");
        assertThat(memberService.find("karibu-ok")).hasValueSatisfying(member -> {
            assertThat(member.getRoles()).containsExactly(MemberRole.LEARNER);
            assertThat(member.getPasswordHash()).startsWith("{bcrypt}");
        });
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(LoginView.class);
    }
}
