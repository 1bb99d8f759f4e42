/** The AWS action catalog and AWS managed policies, generated from public data (see NOTICE). */
@NullMarked
package org.iamdojo.iam.policy.catalog;

import org.jspecify.annotations.NullMarked;
