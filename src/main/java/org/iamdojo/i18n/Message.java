package org.iamdojo.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sentence to show, as a translation key and its arguments, not yet in any language. Arguments are strings,
 * numbers or other {@link Localized} values (a policy's name inside a sentence), resolved in the same language.
 * The UI resolves a message through Vaadin's translation provider, everything else through {@link Messages}:
 * both read the same two files.
 */
public record Message(String key, List<Object> args) implements Localized {

    /** Keeps the arguments as given; a null argument reads "null", as string concatenation would. */
    public Message {
        List<Object> copy = new ArrayList<>(args.size());
        for (Object a : args) {
            copy.add(a == null ? "null" : a instanceof String || a instanceof Number || a instanceof Localized ? a
                    : a.toString());
        }
        args = List.copyOf(copy);
    }

    /** A message with its arguments in placeholder order ({0}, {1}, ...). */
    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** The arguments as an array, the shape translation providers take. */
    public Object[] argArray() {
        return args.toArray();
    }

    @Override
    public String in(Locale locale) {
        return Messages.standard().text(this, locale);
    }
}
