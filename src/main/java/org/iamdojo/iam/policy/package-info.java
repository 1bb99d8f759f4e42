/**
 * Policy documents: the JSON parser with located errors, and the model (statements, principals, conditions, ARN and
 * glob patterns).
 */
@NullMarked
package org.iamdojo.iam.policy;

import org.jspecify.annotations.NullMarked;
