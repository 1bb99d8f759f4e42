/** STS: AssumeRole, GetSessionToken and GetCallerIdentity, issuing temporary credentials. */
@NullMarked
package org.iamdojo.iam.sts;

import org.jspecify.annotations.NullMarked;
