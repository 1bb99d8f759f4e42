package org.iamdojo.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The plain-Java reader of the translation files: arguments, nested messages, particles and fallbacks. */
class MessagesTest {

    private static Messages sample() {
        Properties en = new Properties();
        en.setProperty("missing", "{0} does not exist.");
        en.setProperty("user", "user {0}");
        en.setProperty("only-en", "English only");
        en.setProperty("quoted", "AWS''s {0}");
        Properties ko = new Properties();
        ko.setProperty("missing", "{0}{0,josa,이/가} 존재하지 않습니다.");
        ko.setProperty("user", "사용자 {0}");
        ko.setProperty("quoted", "AWS의 {0}");
        return new Messages(en, ko);
    }

    @Test
    void particlesAreChosenFromTheArgumentAsShown() {
        Messages m = sample();
        assertThat(m.format("missing", Locale.KOREAN, "dana")).isEqualTo("dana가 존재하지 않습니다.");
        assertThat(m.format("missing", Locale.KOREAN, "admin")).isEqualTo("admin이 존재하지 않습니다.");
        // A nested message is shown in the same language before its particle is chosen: 사용자 tom → 이.
        assertThat(m.text(Message.of("missing", Message.of("user", "tom")), Locale.KOREAN))
                .isEqualTo("사용자 tom이 존재하지 않습니다.");
        assertThat(m.text(Message.of("missing", Message.of("user", "tom")), Locale.ENGLISH))
                .isEqualTo("user tom does not exist.");
    }

    @Test
    void englishShowsNoParticleAndKoreanFallsBackToEnglish() {
        Messages m = sample();
        assertThat(m.fill("{0}{0,josa,이/가}!", false, "x")).isEqualTo("x!");
        assertThat(m.format("only-en", Locale.KOREAN)).isEqualTo("English only");
        assertThat(m.format("no-such-key", Locale.KOREAN)).isEqualTo("!no-such-key");
    }

    @Test
    void argumentsAreNotReadAsPatterns() {
        Messages m = sample();
        assertThat(m.format("quoted", Locale.ENGLISH, "{1} 'x'")).isEqualTo("AWS's {1} 'x'");
        assertThat(m.format("missing", Locale.ENGLISH, (Object) null)).isEqualTo("null does not exist.");
    }

    @Test
    void theAppsFilesAreOnTheClasspath() {
        assertThat(Messages.standard().has("grader.withheld")).isTrue();
        assertThat(Message.of("grader.role.missing", "Dev").in(Locale.KOREAN)).isEqualTo("역할 Dev가 존재하지 않습니다.");
        assertThat(Message.of("grader.role.missing", "AppRole").in(Locale.ENGLISH)).isEqualTo("Role AppRole does not exist.");
    }
}
