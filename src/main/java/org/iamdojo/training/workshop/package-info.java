/** Instructor-run workshops: join codes, participants, rules, the live board's data and the CSV export. */
package org.iamdojo.training.workshop;
