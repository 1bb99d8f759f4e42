/** Workshop views: instructors create and watch workshops, learners join and work through them. */
@NullMarked
package org.iamdojo.ui.workshop;

import org.jspecify.annotations.NullMarked;
