/** Workshop views: instructors create and watch workshops, learners join and work through them. */
package org.iamdojo.ui.workshop;
