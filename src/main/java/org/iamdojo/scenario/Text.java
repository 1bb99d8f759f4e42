package org.iamdojo.scenario;

import java.util.Locale;

/** A learner-facing text in English and Korean; both are required in scenario files. */
public record Text(String en, String ko) {

    /** The Korean text's particles written as "이(가)" etc. are resolved from the word before them. */
    public Text {
        ko = ko == null ? null : KoreanParticles.resolve(ko);
    }

    /** The text in a language ("ko" gives Korean, anything else English). */
    public String in(Locale locale) {
        return "ko".equals(locale.getLanguage()) ? ko : en;
    }

    /** The same sentence in both languages; for ids and ARNs that need no translation. */
    public static Text both(String s) {
        return new Text(s, s);
    }

    /** Joins two texts with a space in each language. */
    public Text then(Text next) {
        return new Text(en + " " + next.en, ko + " " + next.ko);
    }
}
