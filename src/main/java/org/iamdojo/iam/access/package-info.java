/**
 * The access map of a sandbox: who can reach what (membership, policies, "can assume", instance roles, bucket
 * access) and the privilege-escalation paths, every edge and every step an engine decision.
 */
@NullMarked
package org.iamdojo.iam.access;

import org.jspecify.annotations.NullMarked;
