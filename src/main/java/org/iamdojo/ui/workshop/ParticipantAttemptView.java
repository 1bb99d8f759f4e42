package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.audit.CloudTrail;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.common.ModalConfirmDialog;
import org.iamdojo.ui.console.ConsolePanel;
import org.iamdojo.ui.console.SandboxWorkspace;
import org.iamdojo.ui.shell.MainLayout;

/**
 * A participant's sandbox for the workshop's instructor: the console read-only (every list, page and read command
 * works as the learner, leaving no trace; every change is refused with a clear message; the clock stays put), the CloudTrail records replayed one at a time with their JSON, and a reset.
 */
@Route(value = "workshops/:workshopId/attempts/:attemptId", layout = MainLayout.class)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class ParticipantAttemptView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    /** The error code a read-only console answers every change with. */
    static final String READ_ONLY_CODE = "ReadOnlySandbox";

    private final WorkshopService workshops;
    private final PolicyValidator validator;
    private final String me;
    private String workshopId;
    private LiveAttempt live;
    private ConsolePanel console;
    private List<TrailEvent> trail = List.of();
    private int position;
    private final Div replayList = new Div();
    private final Pre replayJson = new Pre();
    private final Span replayPosition = new Span();

    public ParticipantAttemptView(WorkshopService workshops, AuthenticationContext authentication,
                                  PolicyValidator validator) {
        this.workshops = workshops;
        this.validator = validator;
        this.me = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "participant-attempt");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        workshopId = event.getRouteParameters().get("workshopId").orElse("");
        String attemptId = event.getRouteParameters().get("attemptId").orElse("");
        live = workshops.participantAttempt(workshopId, attemptId, me).orElseThrow(NotFoundException::new);
        build();
    }

    private void build() {
        removeAll();
        H1 title = new H1(getTranslation("attempt-view.title", live.scenario().title().in(getLocale())));
        Paragraph note = new Paragraph(getTranslation("attempt-view.read-only-note"));
        note.addClassName("dojo-notice");
        note.setId("read-only-note");
        Button back = new Button(getTranslation("attempt-view.back"),
                e -> UI.getCurrent().navigate(WorkshopBoardView.class, workshopId));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button reset = new Button(getTranslation("attempt-view.reset"), e -> confirmReset());
        reset.setId("reset-participant");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(back, reset);
        actions.addClassName("player-actions");

        String refusal = getTranslation("attempt-view.refused");
        Sandbox sandbox = live.attempt().sandbox();
        // Reads run as the learner and leave no trace (no CloudTrail record, nothing the grader sees); writes
        // are refused.
        SandboxWorkspace workspace = new SandboxWorkspace(sandbox, live.scenario().homeAccountId(),
                live.attempt().learnerCredentials(), getTranslation("attempt-view.acting-label"), validator,
                (credentials, service, operation, params) -> sandbox.callReadOnly(credentials, service, operation,
                        params, new AwsException(READ_ONLY_CODE, 403, refusal)));
        // The clock is the learner's too: looking must not move it.
        workspace.fixClock();
        console = new ConsolePanel(workspace, null);
        console.setId("read-only-console");

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("attempt-view.tab.console"), console);
        tabs.add(getTranslation("attempt-view.tab.replay"), replay());
        add(title, note, actions, tabs);
    }

    /** Calls through the read-only console's route (tests prove it reads and refuses writes). */
    CallResult tryCall(String service, String operation, Params params) {
        return console.workspace().call(service, operation, params);
    }

    /** The console's workspace (tests check its clock cannot move). */
    SandboxWorkspace workspace() {
        return console.workspace();
    }

    private Div replay() {
        trail = workshops.trail(workshopId, live.id(), me);
        position = 0;
        Div box = new Div();
        box.setId("trail-replay");
        box.addClassName("trail-replay");
        if (trail.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("attempt-view.replay.empty"));
            none.addClassName("dojo-muted");
            box.add(none);
            return box;
        }
        Button first = new Button(getTranslation("attempt-view.replay.first"), e -> go(0));
        Button previous = new Button(getTranslation("attempt-view.replay.previous"), e -> go(position - 1));
        previous.setId("replay-previous");
        Button next = new Button(getTranslation("attempt-view.replay.next"), e -> go(position + 1));
        next.setId("replay-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        replayPosition.setId("replay-position");
        Div controls = new Div(first, previous, next, replayPosition);
        controls.addClassName("replay-controls");
        replayList.addClassName("replay-list");
        replayJson.setId("replay-json");
        replayJson.addClassName("replay-json");
        // A long record scrolls: keyboard users reach it with Tab to scroll it, and hear what it is.
        replayJson.getElement().setAttribute("tabindex", "0");
        replayJson.getElement().setAttribute("role", "region");
        replayJson.getElement().setAttribute("aria-label", getTranslation("trail.record"));
        Div split = new Div(replayList, replayJson);
        split.addClassName("replay-split");
        box.add(new H2(getTranslation("attempt-view.replay.title")), controls, split);
        go(0);
        return box;
    }

    private void go(int to) {
        position = Math.max(0, Math.min(trail.size() - 1, to));
        replayList.removeAll();
        for (int i = 0; i <= position; i++) {
            TrailEvent e = trail.get(i);
            int index = i;
            Div row = new Div();
            row.addClassNames("replay-row", e.succeeded() ? "ok" : "failed", i == position ? "current" : "past");
            Span name = new Span(e.eventSource().replace(".amazonaws.com", "") + ":" + e.eventName());
            Span who = new Span(e.principalArn() == null ? "" : e.principalArn());
            who.addClassName("dojo-muted");
            Span outcome = new Span(e.succeeded() ? getTranslation("attempt-view.replay.ok") : e.errorCode());
            outcome.addClassName("replay-outcome");
            row.add(new Span(Integer.toString(i + 1)), name, who, outcome);
            row.addClickListener(x -> go(index));
            replayList.add(row);
        }
        replayJson.setText(CloudTrail.toJson(trail.get(position)).toPrettyString());
        replayPosition.setText(getTranslation("attempt-view.replay.position", position + 1, trail.size()));
    }

    private void confirmReset() {
        ModalConfirmDialog confirm = new ModalConfirmDialog();
        confirm.setHeader(getTranslation("attempt-view.reset.title"));
        confirm.setText(getTranslation("attempt-view.reset.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("player.reset.cancel"));
        confirm.setConfirmText(getTranslation("player.reset.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            workshops.resetParticipant(workshopId, live.id(), me);
            UI.getCurrent().navigate(WorkshopBoardView.class, workshopId);
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return live == null ? getTranslation("workshops.page-title")
                : getTranslation("attempt-view.title", live.scenario().title().in(getLocale()));
    }
}
