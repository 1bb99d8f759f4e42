/** The proxy's health check: a cheap GET that needs no session. Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.ui.health;

import org.jspecify.annotations.NullMarked;
