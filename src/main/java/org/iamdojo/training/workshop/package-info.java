/** Instructor-run workshops: join codes, participants, rules, the live board's data and the CSV export. */
@NullMarked
package org.iamdojo.training.workshop;

import org.jspecify.annotations.NullMarked;
