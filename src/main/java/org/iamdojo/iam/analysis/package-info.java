/**
 * Access Analyzer-style policy checks (issue 21): decides whether a new identity policy set grants access the
 * existing one does not. Plain Java. A PASS is a proof by statement subsumption, a FAIL carries a request the
 * real {@link org.iamdojo.iam.eval.Authorizer} allows under the new and not under the existing policies, and
 * anything else is UNKNOWN. Null-marked: nullable values are annotated @Nullable.
 */
@NullMarked
package org.iamdojo.iam.analysis;

import org.jspecify.annotations.NullMarked;
