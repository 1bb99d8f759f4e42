package org.iamdojo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Main code names classes by imports, not by fully qualified names in the middle of the code. */
class SourceStyleTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A qualified class name used in code: a lower-case package path followed by a capitalised name. */
    static final Pattern INLINE_QUALIFIED = Pattern.compile(
            "(?<![.\\w\"/])(?:java|javax|jakarta|org|com)\\.[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*\\.[A-Z]\\w*");

    @Test
    void noInlineFullyQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                if (name.endsWith("package-info.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*")
                            || line.startsWith("/*") || line.startsWith("//")) {
                        continue;
                    }
                    var m = INLINE_QUALIFIED.matcher(line);
                    if (m.find()) {
                        found.add(name + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("inline fully qualified names (import them instead)").isEmpty();
    }

    @Test
    void theRuleSeesAQualifiedNameInCode() {
        assertThat(INLINE_QUALIFIED.matcher("Set<String> s = new java.util.HashSet<>();").find()).isTrue();
        assertThat(INLINE_QUALIFIED.matcher("Set<String> s = new HashSet<>(); // see java.util").find()).isFalse();
        assertThat(INLINE_QUALIFIED.matcher("String arn = \"arn:aws:s3:::x\";").find()).isFalse();
    }
}
