/** Small components several view packages share (e.g. the modal confirm dialog). Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.ui.common;

import org.jspecify.annotations.NullMarked;
