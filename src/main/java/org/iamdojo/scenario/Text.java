package org.iamdojo.scenario;

import java.util.Locale;
import org.iamdojo.i18n.KoreanParticles;
import org.iamdojo.i18n.Localized;

/**
 * A learner-facing text in English and Korean written in a scenario or question file (both are required there).
 * Text the app itself says lives in the translation files as a {@link org.iamdojo.i18n.Message}.
 */
public record Text(String en, String ko) implements Localized {

    /** The Korean text's particles written as "이(가)" etc. are resolved from the word before them. */
    public Text {
        ko = ko == null ? null : KoreanParticles.resolve(ko);
    }

    /** The text in a language ("ko" gives Korean, anything else English). */
    @Override
    public String in(Locale locale) {
        return "ko".equals(locale.getLanguage()) ? ko : en;
    }

    /** The same sentence in both languages; for ids and ARNs that need no translation. */
    public static Text both(String s) {
        return new Text(s, s);
    }
}
