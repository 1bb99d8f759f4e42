package org.iamdojo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import org.iamdojo.training.member.Member;
import org.iamdojo.training.member.MemberRole;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/** Accounts overview for admins: grant or revoke INSTRUCTOR, disable or enable an account. */
@Route(value = Routes.ADMIN, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AdminView extends Div implements HasDynamicTitle {

    /** Column key of the action buttons (tests look cells up by it). */
    static final String ACTIONS = "actions";

    private final MemberService memberService;
    private final String me;
    private final Grid<Member> grid = new Grid<>(Member.class, false);

    /** Admin page for the signed-in admin. */
    public AdminView(MemberService memberService, AuthenticationContext authentication) {
        this.memberService = memberService;
        this.me = authentication.getPrincipalName().orElse("");
        addClassName("dojo-page");

        H1 title = new H1(getTranslation("admin.title"));
        Paragraph intro = new Paragraph(getTranslation("admin.intro"));
        intro.addClassName("dojo-muted");

        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("members");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Member::getUsername).setKey("username").setHeader(getTranslation("admin.column.username"))
                .setAutoWidth(true);
        grid.addColumn(member -> member.getRoles().stream().sorted()
                        .map(role -> getTranslation("role." + role.name()))
                        .collect(Collectors.joining(", ")))
                .setKey("roles").setHeader(getTranslation("admin.column.roles")).setAutoWidth(true);
        grid.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("admin.column.status"))
                .setAutoWidth(true);
        grid.addColumn(member -> dates.format(member.getCreatedAt())).setKey("created")
                .setHeader(getTranslation("admin.column.created")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey(ACTIONS).setHeader(getTranslation("admin.column.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        refresh();

        add(title, intro, grid);
    }

    private Span status(Member member) {
        String key = member.isEnabled() ? "admin.status.active" : "admin.status.disabled";
        Span badge = new Span(getTranslation(key));
        badge.addClassNames("dojo-badge", key.substring(key.lastIndexOf('.') + 1));
        return badge;
    }

    private Div actions(Member member) {
        boolean instructor = member.hasRole(MemberRole.INSTRUCTOR);
        Button role = new Button(getTranslation(instructor ? "admin.action.revoke-instructor" : "admin.action.grant-instructor"),
                e -> {
                    memberService.setInstructor(member.getUsername(), !instructor);
                    done(instructor ? "admin.done.revoked" : "admin.done.granted", member);
                });
        role.addThemeVariants(ButtonVariant.LUMO_SMALL);
        role.setClassName("toggle-instructor");
        role.setId("toggle-instructor-" + member.getUsername());

        boolean enabled = member.isEnabled();
        Button access = new Button(getTranslation(enabled ? "admin.action.disable" : "admin.action.enable"), e -> {
            memberService.setEnabled(member.getUsername(), !enabled, me);
            done(enabled ? "admin.done.disabled" : "admin.done.enabled", member);
        });
        access.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (enabled) {
            access.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        access.setClassName("toggle-enabled");
        access.setId("toggle-enabled-" + member.getUsername());
        // Disabling yourself would lock the last admin out.
        access.setEnabled(!member.getUsername().equals(me));

        Div buttons = new Div(role, access);
        buttons.addClassName("dojo-row-actions");
        return buttons;
    }

    private void done(String messageKey, Member member) {
        refresh();
        Notification.show(getTranslation(messageKey, member.getUsername()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        grid.setItems(memberService.findAll());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.page-title");
    }
}
