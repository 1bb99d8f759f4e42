/**
 * The sandbox console: IAM, S3, EC2 and CloudWatch pages, the terminal, CloudTrail and the policy simulator, acting
 * as a chosen identity.
 */
@NullMarked
package org.iamdojo.ui.console;

import org.jspecify.annotations.NullMarked;
