/**
 * Policy evaluation: an authorization request against every applicable policy gives a {@link
 * org.iamdojo.iam.eval.Decision} with its full trace.
 */
@NullMarked
package org.iamdojo.iam.eval;

import org.jspecify.annotations.NullMarked;
