/**
 * The IAM engine (plain Java: JDK and Jackson only) and {@link org.iamdojo.iam.SandboxFactory}, the one way to
 * build a sandbox.
 */
@NullMarked
package org.iamdojo.iam;

import org.jspecify.annotations.NullMarked;
