package org.iamdojo.i18n;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the Korean particle that fits the word before it: 이/가, 을/를, 은/는, 과/와, 으로/로 (and any other pair
 * written consonant form first). Korean picks by whether the word's last syllable ends in a consonant (받침); 으로
 * also drops its 으 after ㄹ ("파일로"). A translation asks for one with {@code {0}{0,josa,이/가}} (see
 * {@link Messages}); scenario files may write the older "이(가)" form, which {@link #resolve} settles.
 *
 * <p>How the last sound is found, reading the word from its end:
 * <ul>
 *   <li>closing quotes, {@code ]} and {@code >} are looked through ("'admin'" is read as admin); a closing
 *       parenthesis is skipped with what it encloses, as Korean writing attaches the particle to the word before
 *       the brackets ("서비스 제어 정책(SCP)이");</li>
 *   <li>a Hangul syllable: its final consonant, {@code (c - 0xAC00) % 28 != 0}, and ㄹ when that is 8;</li>
 *   <li>a digit, as the number is read in Sino-Korean: 영/십/백, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구 (so 1, 7, 8 end
 *       in ㄹ; 0, 3, 6 in another consonant; 2, 4, 5, 9 in a vowel);</li>
 *   <li>an acronym (two or more capitals, or a lone letter): the name of its last letter, as 엘, 알 (ㄹ), 엠, 엔
 *       (consonant), every other letter name ending in a vowel ("SCP가", "ARN이", "URL로");</li>
 *   <li>an English word, as it is usually written in Hangul: -l and -le end in ㄹ (롤, 프로파일); -m, -n, -ng,
 *       -b, and -me or -ne after a vowel end in a consonant (팀, 어드민, 스트링, 잡, 네임, 라인; but 애크미); so do -p
 *       after a vowel (그룹, 스텝, 앱), -t after a single vowel (버킷, 시크릿), -ck and -ook (스택, 북); every other
 *       ending is read with a final vowel (리스트, 루트, 데스크, 클라우드, 로그, 유저, 앨리스);</li>
 *   <li>a period is read 점 (consonant); any other mark by a name ending in a vowel (별표, 슬래시).</li>
 * </ul>
 */
public final class KoreanParticles {
    private static final Pattern WRITTEN_PAIR =
            Pattern.compile("이\\(가\\)|을\\(를\\)|은\\(는\\)|과\\(와\\)|\\(으\\)로");

    private KoreanParticles() {
    }

    /** How a word ends when read aloud in Korean. */
    public enum Ending {
        /** An open syllable: 가, 를, 는, 와, 로. */
        VOWEL,
        /** A final consonant other than ㄹ: 이, 을, 은, 과, 으로. */
        CONSONANT,
        /** A final ㄹ: like a consonant, except 로 rather than 으로. */
        RIEUL
    }

    /**
     * The particle for {@code word}: {@code afterConsonant} (이, 을, 은, 과, 으로) or {@code afterVowel} (가, 를, 는,
     * 와, 로). An empty word takes the consonant form.
     */
    public static String particle(String word, String afterConsonant, String afterVowel) {
        Ending e = ending(word, word.length());
        if (e == null || e == Ending.CONSONANT) {
            return afterConsonant;
        }
        if (e == Ending.RIEUL) {
            return afterConsonant.startsWith("으") ? afterVowel : afterConsonant;
        }
        return afterVowel;
    }

    /**
     * {@code text} with every "이(가)", "을(를)", "은(는)", "과(와)" and "(으)로" settled from the word before it (for
     * texts written by hand in scenario files); one with nothing before it stays as written.
     */
    public static String resolve(String text) {
        if (text.indexOf('(') < 0) {
            return text;
        }
        Matcher m = WRITTEN_PAIR.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String p = m.group();
            String chosen;
            if (ending(text, m.start()) == null) {
                chosen = p;
            } else if (p.equals("(으)로")) {
                chosen = particle(text.substring(0, m.start()), "으로", "로");
            } else {
                chosen = particle(text.substring(0, m.start()), p.substring(0, 1), p.substring(2, 3));
            }
            m.appendReplacement(out, chosen);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How the text before {@code end} ends, or null when there is nothing to read. */
    static Ending ending(CharSequence text, int end) {
        int i = end - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if ("'\"’”]>".indexOf(c) >= 0) {
                i--;
            } else if (c == ')') {
                int open = matchingOpen(text, i);
                // "정책(SCP)" and "web (i-0abc)" are read by 정책 and web; a lone ")" is just looked through.
                i = open > 0 ? open - 1 : i - 1;
                while (open > 0 && i > 0 && text.charAt(i) == ' ') {
                    i--;
                }
            } else {
                break;
            }
        }
        if (i < 0) {
            return null;
        }
        char c = text.charAt(i);
        if (c >= 0xAC00 && c <= 0xD7A3) {
            int jong = (c - 0xAC00) % 28;
            return jong == 0 ? Ending.VOWEL : jong == 8 ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (c >= '0' && c <= '9') {
            return switch (c) {
                case '1', '7', '8' -> Ending.RIEUL;
                case '0', '3', '6' -> Ending.CONSONANT;
                default -> Ending.VOWEL;
            };
        }
        if (isLatin(c)) {
            int start = i;
            while (start > 0 && isLatin(text.charAt(start - 1))) {
                start--;
            }
            return latinWord(text.subSequence(start, i + 1).toString());
        }
        return c == '.' ? Ending.CONSONANT : Ending.VOWEL;
    }

    private static int matchingOpen(CharSequence text, int close) {
        int depth = 0;
        for (int j = close; j >= 0; j--) {
            char c = text.charAt(j);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Ending latinWord(String word) {
        if (word.length() == 1 || word.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            char last = word.charAt(word.length() - 1);
            return switch (Character.toUpperCase(last)) {
                case 'L', 'R' -> Ending.RIEUL;
                case 'M', 'N' -> Ending.CONSONANT;
                default -> Ending.VOWEL;
            };
        }
        String w = word.toLowerCase(Locale.ROOT);
        int n = w.length();
        char last = w.charAt(n - 1);
        // A doubled final letter sounds once: app is read as ap (앱), matt as mat.
        if (n >= 3 && w.charAt(n - 2) == last && last != 'e' && last != 'o') {
            w = w.substring(0, n - 1);
            n--;
        }
        if (last == 'l' || w.endsWith("le")) {
            return Ending.RIEUL;
        }
        if (last == 'm' || last == 'n' || last == 'b' || w.endsWith("ng")) {
            return Ending.CONSONANT;
        }
        // A silent e after a vowel and m or n: name 네임, line 라인; but acme 애크미.
        if ((w.endsWith("me") || w.endsWith("ne")) && n >= 3 && vowel(w.charAt(n - 3))) {
            return Ending.CONSONANT;
        }
        char before = n >= 2 ? w.charAt(n - 2) : ' ';
        if (last == 'p' && vowel(before)) {
            return Ending.CONSONANT;
        }
        if (last == 't' && vowel(before) && (n < 3 || !vowel(w.charAt(n - 3)))) {
            return Ending.CONSONANT;
        }
        if (last == 'k' && (before == 'c' || w.endsWith("ook"))) {
            return Ending.CONSONANT;
        }
        return Ending.VOWEL;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
