/** Certification practice views: practice paths, timed exams, exam results and the learner's history. */
package org.iamdojo.ui.practice;
