/** Learning views: the scenario catalog and the player (story, steps and hints beside the sandbox console, grading). */
@NullMarked
package org.iamdojo.ui.learn;

import org.jspecify.annotations.NullMarked;
