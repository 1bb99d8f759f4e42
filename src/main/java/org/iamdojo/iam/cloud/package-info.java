/**
 * The simulated resources scenarios need: S3 buckets and objects, EC2 instances with instance profiles and their
 * metadata service, CloudWatch metrics, and the tasks only the root user can do.
 */
@NullMarked
package org.iamdojo.iam.cloud;

import org.jspecify.annotations.NullMarked;
