/** Certification practice views: practice paths, timed exams, exam results and the learner's history. */
@NullMarked
package org.iamdojo.ui.practice;

import org.jspecify.annotations.NullMarked;
