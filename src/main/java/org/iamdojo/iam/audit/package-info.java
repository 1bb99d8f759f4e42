/** CloudTrail: one event per call, allowed or denied, in CloudTrail's record format. */
@NullMarked
package org.iamdojo.iam.audit;

import org.jspecify.annotations.NullMarked;
