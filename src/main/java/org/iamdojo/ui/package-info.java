/** Vaadin views and the main layout; they ask services and hold no business rules. Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.ui;

import org.jspecify.annotations.NullMarked;
