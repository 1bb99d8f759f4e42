package org.iamdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iamdojo.i18n.Messages;
import org.junit.jupiter.api.Test;

/**
 * English and Korean stay in step, and views hold no hard-coded user-visible text: every finding is reported
 * as file:line so it can be fixed directly.
 */
class I18nSyncTest {

    private static final Path I18N = Path.of("src/main/resources/vaadin-i18n");
    private static final Path UI_SOURCES = Path.of("src/main/java/org/iamdojo/ui");

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Keys of {@code a} that {@code b} lacks, named by file. */
    static List<String> missing(Properties a, Properties b, String bName) {
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys.stream().map(k -> bName + " lacks key '" + k + "'").toList();
    }

    @Test
    void englishAndKoreanHaveTheSameKeys() throws IOException {
        Properties en = load(I18N.resolve("translations.properties"));
        Properties ko = load(I18N.resolve("translations_ko.properties"));
        List<String> problems = new ArrayList<>(missing(en, ko, "translations_ko.properties"));
        problems.addAll(missing(ko, en, "translations.properties"));
        en.stringPropertyNames().stream().filter(k -> en.getProperty(k).isBlank())
                .forEach(k -> problems.add("translations.properties has an empty value for '" + k + "'"));
        ko.stringPropertyNames().stream().filter(k -> ko.getProperty(k).isBlank())
                .forEach(k -> problems.add("translations_ko.properties has an empty value for '" + k + "'"));
        assertThat(problems).as("translation files out of sync").isEmpty();
    }

    /**
     * A value with a placeholder goes through {@link java.text.MessageFormat}, where a single {@code '} starts a quoted
     * run: "AWS's answer: {0}" would show as "AWSs answer: {0}". Such values must double every apostrophe.
     */
    /** Issue 11, point 8: the catalog's and practice's topic chips read in the learner's language. */
    @Test
    void everyScenarioTagAndQuestionTopicIsTranslated() throws IOException {
        Properties en = load(I18N.resolve("translations.properties"));
        Properties ko = load(I18N.resolve("translations_ko.properties"));
        java.util.Set<String> tags = new java.util.TreeSet<>();
        var validator = org.iamdojo.iam.policy.validation.PolicyValidator.standard();
        new org.iamdojo.scenario.ScenarioCatalog(Path.of("scenarios"), validator).scenarios()
                .forEach(s -> tags.addAll(s.tags()));
        try (var files = Files.walk(Path.of("scenarios/questions"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                var m = java.util.regex.Pattern.compile("topics: \\[([^\\]]*)]").matcher(Files.readString(f));
                while (m.find()) {
                    for (String t : m.group(1).split(",")) {
                        tags.add(t.strip());
                    }
                }
            }
        }
        // Certification codes (SAA-C03…) are names, the same in every language.
        tags.removeIf(t -> t.matches("[A-Z]{3}-C\\d{2}"));
        assertThat(tags).isNotEmpty();
        assertThat(tags).allSatisfy(t -> {
            assertThat(en.getProperty("topic." + t)).as("topic." + t + " (English)").isNotBlank();
            assertThat(ko.getProperty("topic." + t)).as("topic." + t + " (Korean)").isNotBlank();
        });
    }

    @Test
    void valuesWithPlaceholdersSurviveMessageFormat() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("translations.properties", "translations_ko.properties")) {
            Properties p = load(I18N.resolve(name));
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String value = p.getProperty(key);
                java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{(\\d)").matcher(value);
                Set<Integer> indexes = new TreeSet<>();
                while (placeholder.find()) {
                    indexes.add(Integer.parseInt(placeholder.group(1)));
                }
                if (indexes.isEmpty()) {
                    continue;
                }
                Object[] args = new Object[indexes.stream().max(Integer::compare).orElseThrow() + 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = 801 + i; // a number, so that {0,number,#} formats too
                }
                // As the app fills them in: MessageFormat plus the {n,josa,이/가} particle element.
                String shown = Messages.standard().fill(value, name.contains("_ko"), args);
                boolean lostQuote = value.replace("''", "").contains("'");
                boolean unfilled = indexes.stream().anyMatch(i -> !shown.contains(String.valueOf(801 + i)));
                if (lostQuote || unfilled) {
                    problems.add(name + " '" + key + "' shows as: " + shown);
                }
            }
        }
        assertThat(problems).as("values that MessageFormat garbles (write '' for an apostrophe)").isEmpty();
    }

    @Test
    void viewsContainNoHardCodedText() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : uiSources()) {
            HardCodedTextScanner.scan(file.toString(), Files.readAllLines(file)).forEach(f -> findings.add(f.toString()));
        }
        assertThat(findings).as("hard-coded user-visible strings in views").isEmpty();
    }

    @Test
    void everyLiteralTranslationKeyExists() throws IOException {
        Properties en = load(I18N.resolve("translations.properties"));
        List<String> unknown = new ArrayList<>();
        for (Path file : uiSources()) {
            HardCodedTextScanner.literalKeys(file.toString(), Files.readAllLines(file)).stream()
                    .filter(key -> !en.containsKey(key.literal()))
                    .forEach(key -> unknown.add(key.file() + ":" + key.line() + ": unknown key '" + key.literal() + "'"));
        }
        assertThat(unknown).as("translation keys used in views but missing from translations.properties").isEmpty();
    }

    @Test
    void scannerReportsHardCodedTextWithFileAndLine() {
        List<String> source = List.of(
                "Button b = new Button(\"Save\");",
                "title.setText(getTranslation(\"home.title\"));",
                "field.setLabel(\"Username\");",
                "Notification.show(\"Saved!\");",
                "@PageTitle(\"Admin\")",
                "var k = \"저장\";",
                "new Span(\" \");",
                "// new Button(\"in a comment\")",
                "new RouterLink(\"\", HomeView.class);");
        assertThat(HardCodedTextScanner.scan("Sample.java", source)).extracting(Object::toString).containsExactly(
                "Sample.java:1: hard-coded text \"Save\" (use getTranslation)",
                "Sample.java:3: hard-coded text \"Username\" (use getTranslation)",
                "Sample.java:4: hard-coded text \"Saved!\" (use getTranslation)",
                "Sample.java:5: hard-coded text \"Admin\" (use getTranslation)",
                "Sample.java:6: hard-coded text \"저장\" (use getTranslation)");
    }

    @Test
    void missingKeysAreNamedPerFile() {
        Properties en = new Properties();
        en.setProperty("a", "A");
        en.setProperty("b", "B");
        Properties ko = new Properties();
        ko.setProperty("a", "가");
        assertThat(missing(en, ko, "translations_ko.properties"))
                .containsExactly("translations_ko.properties lacks key 'b'");
    }

    private static List<Path> uiSources() throws IOException {
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
