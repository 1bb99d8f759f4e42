package org.iamdojo.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 7: text people read lives in the translation files, where the key-sync test sees it. The two
 * files agree on each key's placeholders, Korean particles are {@code {n}{n,josa,이/가}} elements (never a
 * hand-written "이(가)"), every key that main code names in {@code Message.of("...")} exists, and no Java file
 * under src/main/java holds a Hangul string literal (except the particle chooser, whose literals are grammar).
 */
class MessageTextsTest {
    private static final Path I18N = Path.of("src/main/resources/vaadin-i18n");
    private static final Path MAIN = Path.of("src/main/java");
    /** Files whose Hangul literals are the Korean grammar itself, not text people read. */
    static final Set<String> HANGUL_ALLOWED = Set.of("org/iamdojo/i18n/KoreanParticles.java");
    /** The particle pairs a translation may ask for, consonant form first. */
    static final Set<String> PAIRS = Set.of("이/가", "을/를", "은/는", "과/와", "으로/로", "이나/나", "이라/라", "아/야",
            "이에요/예요", "이랑/랑");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,josa,[^}]*)?}");
    private static final Pattern HAND_WRITTEN = Pattern.compile("이\\(가\\)|을\\(를\\)|은\\(는\\)|과\\(와\\)|\\(으\\)로");
    /** A key handed to Message.of, or any literal naming a grader, explainer or practice key (ternaries too). */
    private static final Pattern MESSAGE_KEY = Pattern.compile(
            "Message\\.of\\(\\s*\"([^\"]+)\"|\"((?:grader|explain|practice\\.choose)\\.[\\w.-]+)\"");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static Set<Integer> placeholders(String value) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    @Test
    void englishAndKoreanUseTheSamePlaceholders() throws IOException {
        Properties en = load("translations.properties");
        Properties ko = load("translations_ko.properties");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String k = ko.getProperty(key);
            if (k != null && !placeholders(en.getProperty(key)).equals(placeholders(k))) {
                problems.add(key + ": English uses " + placeholders(en.getProperty(key)) + ", Korean " + placeholders(k));
            }
        }
        assertThat(problems).as("keys whose languages fill in different arguments").isEmpty();
    }

    @Test
    void koreanParticlesAreChosenFromTheWordNotWrittenAsPairs() throws IOException {
        Properties ko = load("translations_ko.properties");
        Properties en = load("translations.properties");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(ko.stringPropertyNames())) {
            String value = ko.getProperty(key);
            if (HAND_WRITTEN.matcher(value).find()) {
                problems.add("translations_ko.properties " + key + ": write {n}{n,josa,이/가} instead of \"이(가)\": " + value);
            }
            Matcher josa = Pattern.compile("(\\{(\\d+)})?\\{(\\d+),josa,([^}]*)}").matcher(value);
            while (josa.find()) {
                if (!PAIRS.contains(josa.group(4))) {
                    problems.add("translations_ko.properties " + key + ": unknown particle pair " + josa.group(4)
                            + " (consonant form first, one of " + new TreeSet<>(PAIRS) + ")");
                }
                if (josa.group(2) == null || !josa.group(2).equals(josa.group(3))) {
                    problems.add("translations_ko.properties " + key + ": {" + josa.group(3)
                            + ",josa,...} must follow its own word {" + josa.group(3) + "}");
                }
            }
            if (value.contains(",josa,") && placeholders(value).isEmpty()) {
                problems.add(key + ": a particle without an argument");
            }
        }
        en.stringPropertyNames().stream().filter(k -> en.getProperty(k).contains(",josa,"))
                .forEach(k -> problems.add("translations.properties " + k + ": English has no particles"));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageKeyNamedInMainCodeExistsInBothLanguages() throws IOException {
        Properties en = load("translations.properties");
        Properties ko = load("translations_ko.properties");
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MESSAGE_KEY.matcher(lines.get(i));
                while (m.find()) {
                    named++;
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".") && (en.getProperty(key) == null || ko.getProperty(key) == null)) {
                        problems.add(MAIN.relativize(file) + ":" + (i + 1) + ": key '" + key + "' is missing from "
                                + (en.getProperty(key) == null ? "translations.properties" : "translations_ko.properties"));
                    }
                }
            }
        }
        assertThat(named).as("message keys found (the grader and the explainer name about a hundred)").isGreaterThan(80);
        assertThat(problems).isEmpty();
    }

    @Test
    void noHangulLiteralInMainJava() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            if (!HANGUL_ALLOWED.contains(name)) {
                HangulLiterals.find(Files.readString(file)).forEach(l -> found.add(name + ":" + l));
            }
        }
        assertThat(found).as("Hangul in Java string literals: put the text in translations_ko.properties").isEmpty();
    }

    @Test
    void theScannerSeesLiteralsAndSkipsComments() {
        String source = """
                // 주석은 괜찮습니다
                /* 블록 주석도 "문자열" 괜찮습니다 */
                String a = "사용자";
                String b = "user"; // "사용자"
                char c = '가';
                String d = "escaped \\" 따옴표";
                String e = \"""
                    텍스트 블록
                    \""";
                """;
        assertThat(HangulLiterals.find(source)).containsExactly("3: \"사용자\"", "5: '가'", "6: \"escaped \\\" 따옴표\"",
                "7: \"\"\"\n    텍스트 블록\n    \"\"\"");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** String, character and text-block literals that hold Hangul, outside comments, as "line: literal". */
    static final class HangulLiterals {
        private HangulLiterals() {
        }

        static List<String> find(String src) {
            List<String> out = new ArrayList<>();
            int line = 1;
            int i = 0;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (src.startsWith("//", i)) {
                    while (i < src.length() && src.charAt(i) != '\n') {
                        i++;
                    }
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    end = end < 0 ? src.length() : end + 2;
                    line += count(src, i, end);
                    i = end;
                } else if (c == '"' || c == '\'') {
                    boolean block = src.startsWith("\"\"\"", i);
                    String close = block ? "\"\"\"" : String.valueOf(c);
                    int j = i + close.length();
                    while (j < src.length() && !src.startsWith(close, j)) {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    int end = Math.min(src.length(), j + close.length());
                    String literal = src.substring(i, end);
                    if (literal.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL)) {
                        out.add(line + ": " + literal);
                    }
                    line += count(src, i, end);
                    i = end;
                } else {
                    i++;
                }
            }
            return out;
        }

        private static int count(String s, int from, int to) {
            int n = 0;
            for (int k = from; k < to; k++) {
                if (s.charAt(k) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }
}
