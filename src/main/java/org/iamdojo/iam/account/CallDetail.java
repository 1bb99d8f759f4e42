package org.iamdojo.iam.account;

/**
 * What an operation worked out with the engine beyond its AWS-shaped response, handed to the caller in
 * {@link CallResult#detail()}: the policy simulator's evaluations, the access map.
 */
public interface CallDetail {
}
