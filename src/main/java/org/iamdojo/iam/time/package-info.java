/**
 * The sandbox's time (a clock learners move forward, tests pin and replays follow). A leaf: the account, STS and
 * everything above read the time here, so no engine package needs another for it.
 */
@NullMarked
package org.iamdojo.iam.time;

import org.jspecify.annotations.NullMarked;
