package org.iamdojo.ui.console;

import java.util.List;
import java.util.function.Function;

/**
 * The console's pages in navigation order: the path segment (console/{key}), the translation key of the
 * label, and how to build the page for a workspace. Add new pages here.
 */
public final class ConsolePages {
    private ConsolePages() {
    }

    /** A page entry. */
    public record Entry(String key, String labelKey, Function<SandboxWorkspace, ConsolePage> factory) {
    }

    /** All pages. */
    public static List<Entry> all() {
        return List.of(
                new Entry("dashboard", "console.nav.dashboard", DashboardPage::new),
                new Entry("users", "console.nav.users", UsersPage::new),
                new Entry("groups", "console.nav.groups", GroupsPage::new),
                new Entry("roles", "console.nav.roles", RolesPage::new),
                new Entry("policies", "console.nav.policies", PoliciesPage::new),
                new Entry("account", "console.nav.account", AccountPage::new),
                new Entry("s3", "console.nav.s3", S3Page::new),
                new Entry("ec2", "console.nav.ec2", Ec2Page::new),
                new Entry("cloudwatch", "console.nav.cloudwatch", CloudWatchPage::new),
                new Entry("simulator", "console.nav.simulator", SimulatorPage::new),
                new Entry("compare", "console.nav.compare", ComparePage::new),
                new Entry("access-map", "console.nav.access-map", AccessMapPage::new),
                new Entry("terminal", "console.nav.terminal", TerminalPage::new),
                new Entry("cloudtrail", "console.nav.cloudtrail", CloudTrailPage::new));
    }
}
