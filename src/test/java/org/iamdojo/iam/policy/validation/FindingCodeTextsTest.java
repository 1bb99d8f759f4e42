package org.iamdojo.iam.policy.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.iamdojo.ui.i18n.TranslationProvider;
import org.junit.jupiter.api.Test;

/**
 * Every finding code has its text in English and in Korean, and every finding the corpus raises reads as a Korean
 * sentence: its particles resolved from the word before them (no "이(가)" left), no English template leaking in.
 */
class FindingCodeTextsTest {
    private static final Path I18N = Path.of("src/main/resources/vaadin-i18n");
    private final TranslationProvider translations = new TranslationProvider();

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyCodeHasAnEnglishAndAKoreanText() throws IOException {
        Properties en = load("translations.properties");
        Properties ko = load("translations_ko.properties");
        List<String> missing = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            for (Properties p : List.of(en, ko)) {
                String text = p.getProperty(code.messageKey());
                if (text == null || text.isBlank()) {
                    missing.add((p == en ? "English " : "Korean ") + code.messageKey());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFindingOfTheCorpusReadsInKoreanWithItsParticlesChosen() throws IOException {
        PolicyValidator validator = PolicyValidator.standard();
        Set<FindingCode> seen = EnumSet.noneOf(FindingCode.class);
        List<String> problems = new ArrayList<>();
        for (ValidatorMessagesTest.Case c : ValidatorMessagesTest.corpus()) {
            for (Finding f : validator.validate(c.text(), c.type(), c.quota())) {
                seen.add(f.code());
                String korean = translations.getTranslation(f.code().messageKey(), Locale.KOREAN,
                        f.messageArguments(key -> translations.getTranslation(key, Locale.KOREAN)));
                boolean unresolved = korean.matches(".*(이\\(가\\)|을\\(를\\)|은\\(는\\)|과\\(와\\)|\\(으\\)로).*");
                boolean notKorean = korean.startsWith("!") || korean.chars().noneMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3);
                if (unresolved || notKorean || korean.equals(f.message())) {
                    problems.add(c.name() + ": " + korean);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).as("codes the corpus never raises").isEmpty();
    }

    @Test
    void termsAreShownInTheLearnersLanguage() {
        Finding statementIsANumber = new Finding(FindingCode.STATEMENT_NOT_OBJECT, List.of("array"), 1, 1);
        assertThat(statementIsANumber.message()).isEqualTo("A statement must be a JSON object, not a array.");
        String korean = translations.getTranslation(statementIsANumber.code().messageKey(), Locale.KOREAN,
                statementIsANumber.messageArguments(key -> translations.getTranslation(key, Locale.KOREAN)));
        assertThat(korean).isEqualTo("문은 배열이 아니라 JSON 객체여야 합니다.");
    }
}
