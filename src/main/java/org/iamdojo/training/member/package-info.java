/** Members: the app's own accounts, their roles, sign-up rules and sign-in locks. Null-marked: nullable values are annotated @Nullable. */
@NullMarked
package org.iamdojo.training.member;

import org.jspecify.annotations.NullMarked;
