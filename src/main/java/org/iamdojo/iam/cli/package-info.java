/** The engine on the command line (authorize, validate-policy, simulate-*) and the sandbox terminal's AWS CLI. */
@NullMarked
package org.iamdojo.iam.cli;

import org.jspecify.annotations.NullMarked;
