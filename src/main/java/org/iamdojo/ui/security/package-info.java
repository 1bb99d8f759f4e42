/** Web security: Spring Security set up through Vaadin's configurer. Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.ui.security;

import org.jspecify.annotations.NullMarked;
