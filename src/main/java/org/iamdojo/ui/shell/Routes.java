package org.iamdojo.ui.shell;

/**
 * The paths of the views the main layout links to. Each view's {@code @Route} uses its constant and the layout
 * finds the view by path in the route registry, so the layout needs no view class (a view names its layout, and
 * the layout naming the views back would tie every view package into one cycle).
 */
public final class Routes {
    public static final String HOME = "";
    public static final String SCENARIOS = "scenarios";
    public static final String CONSOLE = "console";
    public static final String PRACTICE = "practice";
    public static final String HISTORY = "history";
    public static final String JOIN = "join";
    public static final String WORKSHOPS = "workshops";
    public static final String ADMIN = "admin";
    public static final String LOGIN = "login";
    public static final String SIGN_UP = "signup";

    private Routes() {
    }
}
