package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Username and password rules, one broken rule per case. */
class CredentialRulesTest {

    @ParameterizedTest
    @CsvSource({
            "alice,",
            "a.b-c_9,",
            "ab,signup.error.username.format",
            "9lives,signup.error.username.format",
            "has space,signup.error.username.format",
            "thirty-three-characters-long-name,signup.error.username.format",
            "'',signup.error.username.required"})
    void usernames(String username, String expectedKey) {
        assertThat(CredentialRules.checkUsername(username)).extracting(SignUpProblem::messageKey)
                .isEqualTo(expectedKey == null ? java.util.List.of() : java.util.List.of(expectedKey));
    }

    @ParameterizedTest
    @CsvSource({
            "Str0ng-enough,",
            "correct horse Battery,",
            "short1A,signup.error.password.short",
            "alllowercaseletters,signup.error.password.one-class",
            "12345678901234,signup.error.password.one-class",
            "Password123,signup.error.password.common",
            "aaaaaaaaaaaa,signup.error.password.common",
            "abababababab,signup.error.password.common",
            "alice-Secret-1,signup.error.password.username",
            "Str0ng-enough-Str0ng-enough-Str0ng-enough-Str0ng-enough-Str0ng-enough-12,",
            "Str0ng-enough-Str0ng-enough-Str0ng-enough-Str0ng-enough-Str0ng-enough-123,signup.error.password.long",
            "비밀번호-Secret-비밀번호-Secret-비밀번호-Secret-비밀번호-1,signup.error.password.long"})
    void passwords(String password, String expectedKey) {
        assertThat(CredentialRules.checkPassword(password, "alice")).extracting(SignUpProblem::messageKey)
                .isEqualTo(expectedKey == null ? java.util.List.of() : java.util.List.of(expectedKey));
    }
}
