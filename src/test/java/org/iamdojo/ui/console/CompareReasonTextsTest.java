package org.iamdojo.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.iamdojo.i18n.Message;
import org.iamdojo.i18n.Messages;
import org.iamdojo.iam.analysis.UnknownReason;
import org.junit.jupiter.api.Test;

/**
 * The Compare page says why a comparison is UNKNOWN in the page's language: every kind of
 * {@link UnknownReason} has its sentence in both translation files, and the Korean one is Korean, not the
 * engine's English inside a Korean sentence.
 */
class CompareReasonTextsTest {
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b(the|check|request|statements?|limit)\\b");

    @Test
    void everyKindIsWrittenInBothLanguages() {
        for (UnknownReason.Kind kind : UnknownReason.Kind.values()) {
            Message m = Message.of("compare.why." + kind.name(), "42", "7", "63");
            String en = Messages.standard().text(m, Locale.ENGLISH);
            String ko = Messages.standard().text(m, Locale.KOREAN);
            assertThat(en).as(kind.name()).doesNotContain("compare.why.").isNotBlank();
            assertThat(ko).as(kind.name()).doesNotContain("compare.why.").isNotEqualTo(en);
            assertThat(ENGLISH_WORDS.matcher(ko).find()).as(ko).isFalse();
        }
    }

    @Test
    void theKoreanParticleFollowsTheWord() {
        // "주소 10.0.0.1은" (일, ㄹ ending takes 은) but "주소 ::2는" (이, a vowel).
        assertThat(Messages.standard().text(Message.of("compare.why.ADDRESS_NOT_WRITABLE", "10.0.0.1"), Locale.KOREAN))
                .startsWith("주소 10.0.0.1은 ");
        assertThat(Messages.standard().text(Message.of("compare.why.ADDRESS_NOT_WRITABLE", "::2"), Locale.KOREAN))
                .startsWith("주소 ::2는 ");
        assertThat(Messages.standard().text(Message.of("compare.why.request.for", "s3:getobject on \"\"",
                "anonymous"), Locale.KOREAN)).isEqualTo("anonymous가 보낸 s3:getobject on \"\"");
    }
}
