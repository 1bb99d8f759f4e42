package org.iamdojo.ui.workshop;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Date and time as the reader's language writes them, in the server's time zone. */
final class Formats {
    private Formats() {
    }

    static String dateTime(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(at);
    }

    static String time(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.systemDefault()).format(at);
    }
}
