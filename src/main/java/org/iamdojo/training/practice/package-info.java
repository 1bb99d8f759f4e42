/** Certification practice for learners: answers, practice path progress, timed exams and their results (JDBC). */
@NullMarked
package org.iamdojo.training.practice;

import org.jspecify.annotations.NullMarked;
