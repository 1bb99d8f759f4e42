package org.iamdojo.e2e;

/** The learner robot ({@link LearnerRobot}) on the second half of the catalog: places 1, 3, 5, … */
class LearnerRobotSecondHalfTest extends LearnerRobot {
    @Override
    protected int half() {
        return 1;
    }
}
