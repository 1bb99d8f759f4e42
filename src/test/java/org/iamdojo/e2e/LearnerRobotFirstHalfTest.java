package org.iamdojo.e2e;

/** The learner robot ({@link LearnerRobot}) on the first half of the catalog: places 0, 2, 4, … */
class LearnerRobotFirstHalfTest extends LearnerRobot {
    @Override
    protected int half() {
        return 0;
    }
}
