/** Policy validation in the manner of IAM Access Analyzer's ValidatePolicy: located findings. */
@NullMarked
package org.iamdojo.iam.policy.validation;

import org.jspecify.annotations.NullMarked;
