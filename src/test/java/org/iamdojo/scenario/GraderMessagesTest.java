package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.iamdojo.i18n.Message;
import org.iamdojo.i18n.Messages;
import org.junit.jupiter.api.Test;

/**
 * The grader's sentences whose keys are built from a kind (entity, principal) exist for every kind, and read
 * as the grader wrote them before they moved to the translation files (issue 15, point 7).
 */
class GraderMessagesTest {

    @Test
    void everyEntityKindHasBothSentencesInBothLanguages() {
        for (String kind : Grader.ENTITIES) {
            for (String which : new String[] {".missing", ".present"}) {
                String key = "grader.entity." + kind + which;
                assertThat(Messages.standard().has(key)).as(key).isTrue();
                assertThat(Message.of(key, "x", kind).in(Locale.KOREAN)).as(key).doesNotStartWith("!").doesNotContain(kind);
            }
        }
        assertThat(Message.of("grader.entity.instanceProfile.present", "web", "instanceProfile").in(Locale.ENGLISH))
                .isEqualTo("InstanceProfile web still exists.");
        assertThat(Message.of("grader.entity.bucket.missing", "logs", "bucket").in(Locale.KOREAN))
                .isEqualTo("버킷 logs가 없습니다.");
    }

    @Test
    void principalsReadInBothLanguagesAndStartASentenceWithACapital() {
        assertThat(Message.of("grader.principal.missing", Grader.principal("user tom", true)).in(Locale.ENGLISH))
                .isEqualTo("User tom does not exist.");
        assertThat(Message.of("grader.principal.missing", Grader.principal("user tom", true)).in(Locale.KOREAN))
                .isEqualTo("사용자 tom이 존재하지 않습니다.");
        assertThat(Message.of("grader.principal.none", Grader.principal("role AppRole", false)).in(Locale.ENGLISH))
                .isEqualTo("There is no role AppRole.");
        assertThat(Message.of("grader.principal.none", Grader.principal("role AppRole", false)).in(Locale.KOREAN))
                .isEqualTo("역할 AppRole이 없습니다.");
        assertThat(Grader.principal("root", true).in(Locale.ENGLISH)).isEqualTo("Root");
        assertThat(Grader.principal("root", true).in(Locale.KOREAN)).isEqualTo("루트 사용자");
        assertThat(Grader.principal("anonymous", true).in(Locale.ENGLISH)).isEqualTo("anonymous");
        assertThat(Grader.principal("service ec2.amazonaws.com", true).in(Locale.KOREAN)).isEqualTo("서비스 ec2.amazonaws.com");
        // Anything else is shown as written rather than guessed at.
        assertThat(Grader.principal("user", true).in(Locale.ENGLISH)).isEqualTo("user");
        for (String kind : Grader.PRINCIPAL_KINDS) {
            for (String variant : new String[] {"", ".start"}) {
                assertThat(Messages.standard().has("grader.principal." + kind + variant)).as(kind + variant).isTrue();
            }
        }
    }

    @Test
    void durationsAndCredentialsAreWords() {
        assertThat(Message.of("grader.session.too-short", "Export", Message.of("grader.duration.hour"), "3600",
                Message.of("grader.duration.hours", "3")).in(Locale.KOREAN))
                .isEqualTo("역할 Export의 세션은 최대 1시간까지만 유지됩니다(MaxSessionDuration 3600). 작업에는 최소 3시간이 필요합니다.");
        for (String kind : new String[] {"AccessKeyId", "TemporaryAccessKeyId", "SecretAccessKey", "SessionToken"}) {
            assertThat(Messages.standard().has("grader.credential." + kind)).as(kind).isTrue();
        }
        assertThat(Message.of("grader.user-data", "i-0abc", Message.of("grader.credential.AccessKeyId"), "2")
                .in(Locale.KOREAN)).isEqualTo("인스턴스 i-0abc의 사용자 데이터 2번째 줄에 아직 액세스 키 ID(AccessKeyId)가 있습니다.");
        for (String kind : new String[] {"symbol", "number", "uppercase", "lowercase"}) {
            assertThat(Messages.standard().has("grader.password.char." + kind)).as(kind).isTrue();
        }
    }
}
