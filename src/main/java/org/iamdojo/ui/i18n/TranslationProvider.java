package org.iamdojo.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.iamdojo.i18n.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * English and Korean texts from {@code vaadin-i18n/translations*.properties}. English is the default and the
 * fallback; the JVM's default locale never leaks in.
 */
@Component
public class TranslationProvider implements I18NProvider {

    /** Bundle base name on the classpath. */
    public static final String BUNDLE = "vaadin-i18n.translations";
    /** Korean. */
    public static final Locale KOREAN = Locale.KOREAN;
    /** English, the default. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, KOREAN);
    }

    @Override
    public String getTranslation(String key, @Nullable Locale locale, Object... params) {
        // One reader for the UI and everything outside it; "{0}{0,josa,을/를}" reads "정책을" or "dana를".
        return Messages.standard().format(key, locale, params);
    }
}
