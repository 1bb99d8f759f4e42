/** Certification practice for learners: answers, practice path progress, timed exams and their results (JDBC). */
package org.iamdojo.training.practice;
