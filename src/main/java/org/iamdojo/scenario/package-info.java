/** Scenarios (scenarios/*.yaml): strict loading, attempt sandboxes, declarative checks and grading. Plain Java + Jackson. */
@NullMarked
package org.iamdojo.scenario;

import org.jspecify.annotations.NullMarked;
