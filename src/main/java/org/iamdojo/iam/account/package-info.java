/**
 * The sandbox account: root, users, groups, roles, policies, access keys, login profiles and MFA, and the IAM API
 * over them ({@link org.iamdojo.iam.account.IamOperations} lists every operation; one class per area). {@link
 * org.iamdojo.iam.account.Sandbox} runs every call: resolve the caller, authorize, change state, record.
 */
@NullMarked
package org.iamdojo.iam.account;

import org.jspecify.annotations.NullMarked;
