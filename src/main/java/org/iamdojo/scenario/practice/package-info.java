/** Certification practice data: knowledge questions and practice paths (scenarios/questions, scenarios/paths), exam grading. Plain Java + Jackson. */
@NullMarked
package org.iamdojo.scenario.practice;

import org.jspecify.annotations.NullMarked;
