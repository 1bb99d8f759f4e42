/** The embedded database's life cycle: clean shutdown and a clear message when its folder is taken. Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.training.storage;

import org.jspecify.annotations.NullMarked;
