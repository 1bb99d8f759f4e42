/**
 * Access Analyzer-style policy checks (issue 21): CheckNoNewAccess, CheckAccessNotGranted and CheckNoPublicAccess,
 * decided by {@link org.iamdojo.iam.analysis.PolicyReasoner} over every request (automata regions, intervals, CIDR
 * blocks, value sets, evaluated with the engine's own matchers). Plain Java. A PASS is a proof, a FAIL carries a
 * request replayed through the real {@link org.iamdojo.iam.eval.Authorizer}, and anything else is UNKNOWN.
 */
package org.iamdojo.iam.analysis;
