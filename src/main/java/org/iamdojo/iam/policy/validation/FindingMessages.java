package org.iamdojo.iam.policy.validation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The English texts of findings, read from the same {@code vaadin-i18n/translations.properties} the UI shows them
 * from (one place for every message, in both languages); Korean is rendered by the UI's translation provider.
 */
final class FindingMessages {
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private FindingMessages() {
    }

    static String english(Finding finding) {
        return new MessageFormat(englishText(finding.code().messageKey()), Locale.ROOT)
                .format(finding.messageArguments(FindingMessages::englishText));
    }

    private static String englishText(String key) {
        try {
            return ENGLISH.getString(key);
        } catch (MissingResourceException e) {
            // FindingCodeTextsTest keeps every code's text present; a missing one still names itself.
            return "!" + key;
        }
    }
}
