package org.iamdojo.i18n;

import java.util.Locale;

/** Something a person reads, available in the app's languages. */
public interface Localized {

    /** The text in a language ("ko" gives Korean, anything else English). */
    String in(Locale locale);
}
