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

    /** The page at console/{key}, labelled by the translation of console.nav.{key}. */
    private static Entry page(String key, Function<SandboxWorkspace, ConsolePage> factory) {
        return new Entry(key, "console.nav." + key, factory);
    }

    /** All pages. */
    public static List<Entry> all() {
        return List.of(
                page("dashboard", DashboardPage::new),
                page("users", UsersPage::new),
                page("groups", GroupsPage::new),
                page("roles", RolesPage::new),
                page("policies", PoliciesPage::new),
                page("account", AccountPage::new),
                page("s3", S3Page::new),
                page("ec2", Ec2Page::new),
                page("cloudwatch", CloudWatchPage::new),
                page("simulator", SimulatorPage::new),
                page("compare", ComparePage::new),
                page("access-map", AccessMapPage::new),
                page("terminal", TerminalPage::new),
                page("cloudtrail", CloudTrailPage::new));
    }
}
