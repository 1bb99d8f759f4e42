/**
 * The frame around every view: the main layout (header, navigation, language switch) and the route paths it links
 * to. Views name this layout; it names no view back, so no package cycle runs through it. Null-marked: nullable
 * values are annotated @Nullable.
 */
@NullMarked
package org.iamdojo.ui.shell;

import org.jspecify.annotations.NullMarked;
