package org.iamdojo.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, point 7: Korean particles are chosen from the word ("dana가", "그룹이", "역할로"), never left as "이(가)".
 * The rules (받침 of a Hangul syllable; digits and Latin names as they are read aloud) are in
 * {@link KoreanParticles}; Korean spelling for the bracket rule: https://korean.go.kr (한글 맞춤법, 조사).
 */
class KoreanParticlesTest {

    @ParameterizedTest(name = "{0} + {1}/{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // Hangul: a final consonant, none, or ㄹ (with 으로/로)
            "그룹|이|가|이", "정책|을|를|을", "사용자|이|가|가", "버킷|은|는|은", "키|과|와|와",
            "파일|으로|로|로", "역할|으로|로|로", "계정|으로|로|으로", "서버|으로|로|로",
            // digits, as Sino-Korean numbers: 영 일 이 삼 사 오 육 칠 팔 구
            "111122223333|으로|로|으로", "2|과|와|와", "#1|이|가|이", "7|으로|로|로", "10|이|가|이", "9|이|가|가",
            "6|을|를|을", "4|은|는|는",
            // English names as they are written in Hangul
            "admin|이|가|이", "dana|이|가|가", "tom|으로|로|으로", "alice|으로|로|로", "carol|으로|로|로",
            "AppRole|으로|로|로", "profile|이|가|이", "Dev|을|를|를", "group|이|가|이", "bucket|은|는|은",
            "ReadReports|이|가|가", "Jump|은|는|는", "ec2-app|이|가|이", "root|이|가|가", "account|이|가|가",
            "string|이|가|이", "name|이|가|이", "line|이|가|이", "ShareWithAcme|이|가|가", "job|이|가|이", "check|이|가|이", "book|이|가|이", "desk|이|가|가",
            "password|이|가|가", "log|이|가|가", "user|이|가|가",
            // acronyms by their letters' names: 에스씨피, 에이알엔, 유알엘
            "SCP|이|가|가", "ARN|이|가|이", "URL|으로|로|로", "IAM|은|는|은", "MFA|이|가|가",
            // quotes are looked through; a bracket is skipped and the word before it counts
            "'watcher'|은|는|는", "\"admin\"|을|를|을", "서비스 제어 정책(SCP)|이|가|이", "web (i-0abc)|이|가|이",
            // the rest: * (별표) and / (슬래시) end in a vowel, . (점) in a consonant
            "arn:aws:s3:::reports/*|이|가|가", "reports/|이|가|가", "v1.|이|가|이"})
    void particleFollowsTheWord(String word, String afterConsonant, String afterVowel, String chosen) {
        assertThat(KoreanParticles.particle(word, afterConsonant, afterVowel)).isEqualTo(chosen);
    }

    @Test
    void anEmptyWordTakesTheConsonantForm() {
        assertThat(KoreanParticles.particle("", "이", "가")).isEqualTo("이");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "사용자 dana이(가) 존재하지 않습니다.|사용자 dana가 존재하지 않습니다.",
            "사용자 admin이(가) 없습니다.|사용자 admin이 없습니다.",
            "그룹이(가) 있습니다|그룹이 있습니다",
            "역할 Dev을(를) 삭제|역할 Dev를 삭제",
            "사용자 tom(으)로 실행|사용자 tom으로 실행",
            "IAM 사용자 alice(으)로 실행|IAM 사용자 alice로 실행",
            "파일(으)로|파일로",
            "'watcher'은(는) 맡을 수 있습니다|'watcher'는 맡을 수 있습니다",
            "키 2과(와) 3|키 2와 3",
            "이(가) 맨 앞|이(가) 맨 앞"})
    void handWrittenPairsInScenarioFilesAreSettled(String written, String read) {
        assertThat(KoreanParticles.resolve(written)).isEqualTo(read);
    }
}
