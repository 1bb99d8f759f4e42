/** English and Korean texts for the UI and the session's language choice. Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.ui.i18n;

import org.jspecify.annotations.NullMarked;
