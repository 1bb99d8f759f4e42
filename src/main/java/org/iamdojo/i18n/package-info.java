/**
 * Text people read, kept in one place: messages (a key and its arguments) resolved from
 * {@code vaadin-i18n/translations*.properties} in English or Korean, with Korean particles chosen from the word.
 * Plain Java, so the engine, the grader, the command line and the UI share it.
 */
@NullMarked
package org.iamdojo.i18n;

import org.jspecify.annotations.NullMarked;
