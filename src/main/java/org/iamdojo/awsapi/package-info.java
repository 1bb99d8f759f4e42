/**
 * The AWS endpoint: AWS's own wire protocols (SigV4-signed Query and S3 REST requests) served on a port of their
 * own so the real AWS CLI and SDKs can call a sandbox. Null-marked: nullable values are annotated @Nullable.
 */
@NullMarked
package org.iamdojo.awsapi;

import org.jspecify.annotations.NullMarked;
