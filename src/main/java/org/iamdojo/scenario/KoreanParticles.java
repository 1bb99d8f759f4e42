package org.iamdojo.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the Korean particle that fits the word before it, so a text written as "{0}이(가)" reads "dana가" or
 * "그룹이" once the word is known. Korean chooses by whether the word's last syllable ends in a consonant
 * (받침): 이/가, 을/를, 은/는, 과/와, and 으로/로 (로 also after ㄹ). Names in Latin letters or digits are judged by
 * how they are read aloud.
 */
public final class KoreanParticles {
    private static final Pattern PARTICLE = Pattern.compile("이\\(가\\)|을\\(를\\)|은\\(는\\)|과\\(와\\)|\\(으\\)로");

    private KoreanParticles() {
    }

    /** {@code text} with every "이(가)", "을(를)", "은(는)", "과(와)" and "(으)로" resolved from the character before it. */
    public static String resolve(String text) {
        if (text.indexOf('(') < 0) {
            return text;
        }
        Matcher m = PARTICLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            Ending ending = ending(text, m.start());
            String p = m.group();
            String chosen = switch (ending) {
                case UNKNOWN -> p;
                case VOWEL -> p.equals("(으)로") ? "로" : p.substring(2, 3);
                case RIEUL -> p.equals("(으)로") ? "로" : p.substring(0, 1);
                case CONSONANT -> p.equals("(으)로") ? "으로" : p.substring(0, 1);
            };
            m.appendReplacement(out, chosen);
        }
        m.appendTail(out);
        return out.toString();
    }

    private enum Ending { VOWEL, CONSONANT, RIEUL, UNKNOWN }

    private static Ending ending(String text, int at) {
        int i = at - 1;
        // Look past closing quotes and brackets: "'admin'이(가)" is read as admin.
        while (i >= 0 && "'\"’”)]>".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        if (i < 0) {
            return Ending.UNKNOWN;
        }
        char c = text.charAt(i);
        if (c >= 0xAC00 && c <= 0xD7A3) {
            int jong = (c - 0xAC00) % 28;
            return jong == 0 ? Ending.VOWEL : jong == 8 ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (c >= '0' && c <= '9') {
            // 영 일 이 삼 사 오 육 칠 팔 구
            return switch (c) {
                case '1', '7', '8' -> Ending.RIEUL;
                case '0', '3', '6' -> Ending.CONSONANT;
                default -> Ending.VOWEL;
            };
        }
        char lower = Character.toLowerCase(c);
        if (lower >= 'a' && lower <= 'z') {
            // As English words are read: admin 어드민, group 그룹, bucket 버킷, pool 풀; dana 다나, alice 앨리스.
            if (lower == 'l') {
                return Ending.RIEUL;
            }
            return "mnkptbdg".indexOf(lower) >= 0 ? Ending.CONSONANT : Ending.VOWEL;
        }
        return Ending.UNKNOWN;
    }
}
