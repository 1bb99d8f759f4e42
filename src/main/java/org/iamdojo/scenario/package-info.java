/** Scenarios (scenarios/*.yaml): strict loading, attempt sandboxes, declarative checks and grading. Plain Java + Jackson. */
package org.iamdojo.scenario;
