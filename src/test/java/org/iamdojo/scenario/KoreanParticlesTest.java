package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 11, point 8: grader and console sentences read "dana가", "그룹이", "역할로", not "이(가)". */
class KoreanParticlesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "사용자 dana이(가) 존재하지 않습니다.|사용자 dana가 존재하지 않습니다.",
            "사용자 admin이(가) 없습니다.|사용자 admin이 없습니다.",
            "그룹이(가) 있습니다|그룹이 있습니다",
            "정책 {0}을(를)|정책 {0}을(를)",
            "역할 Dev을(를) 삭제|역할 Dev를 삭제",
            "정책을(를) 연결|정책을 연결",
            "사용자 tom(으)로 실행|사용자 tom으로 실행",
            "IAM 사용자 alice(으)로 실행|IAM 사용자 alice로 실행",
            "파일(으)로|파일로",
            "계정 111122223333(으)로|계정 111122223333으로",
            "'watcher'은(는) 맡을 수 있습니다|'watcher'는 맡을 수 있습니다",
            "키 2과(와) 3|키 2와 3"})
    void particlesFollowTheWordBefore(String written, String read) {
        assertThat(KoreanParticles.resolve(written)).isEqualTo(read);
        assertThat(new Text("x", written).ko()).isEqualTo(read);
    }
}
