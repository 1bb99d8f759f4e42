package org.iamdojo.ui.learn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.Check;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.scenario.HintUse;
import org.iamdojo.scenario.PendingFix;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.AttemptStatus;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.practice.PracticeService;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.common.ModalConfirmDialog;
import org.iamdojo.ui.console.CallFeedback;
import org.iamdojo.ui.console.ConsolePanel;
import org.iamdojo.ui.console.SandboxWorkspace;
import org.iamdojo.ui.console.WorkspaceHolder;
import org.iamdojo.ui.i18n.Texts;
import org.iamdojo.ui.shell.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario player: the story and the current step on the left (hints one at a time with their cost,
 * "Check my work", reset, the reference solution as AWS CLI commands after completion), the sandbox console on
 * the right.
 * Progress is in the database as it happens, so another browser or a restarted server resumes the same sandbox.
 */
@Route(value = "play", layout = MainLayout.class)
@PermitAll
public class PlayerView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private static final Logger LOG = LoggerFactory.getLogger(PlayerView.class);
    /** Query parameter naming the workshop an attempt belongs to (play/{scenarioId}?workshop={id}). */
    public static final String WORKSHOP_PARAMETER = "workshop";

    private final AttemptService attempts;
    private final WorkshopService workshops;
    private final String username;
    private Workshop workshop;
    private LiveAttempt live;
    private ConsolePanel console;
    private SandboxWorkspace workspace;
    private final Div story = new Div();
    private final Div stepBox = new Div();
    private final Div report = new Div();
    private int step = 1;

    private final PracticeService practice;
    private final ScenarioCatalog catalog;
    private final PolicyValidator validator;
    private final FixWorker fixes;
    private boolean examMode;

    public PlayerView(AttemptService attempts, WorkshopService workshops,
                      PracticeService practice, ScenarioCatalog catalog,
                      AuthenticationContext authentication, PolicyValidator validator, FixWorker fixes) {
        this.attempts = attempts;
        this.fixes = fixes;
        this.validator = validator;
        this.workshops = workshops;
        this.practice = practice;
        this.catalog = catalog;
        this.username = authentication.getPrincipalName().orElse("");
        addClassName("player");
    }

    @Override
    public void setParameter(BeforeEvent event, String scenarioId) {
        String workshopId = event.getLocation().getQueryParameters().getSingleParameter(WORKSHOP_PARAMETER).orElse(null);
        try {
            if (workshopId == null) {
                live = attempts.open(username, scenarioId);
            } else {
                // Only a participant reaches the workshop; its rules then shape hints and the solution.
                workshop = workshops.joinedBy(workshopId, username)
                        .orElseThrow(() -> new AttemptService.NotFoundException("No workshop " + workshopId));
                live = workshops.openAttempt(workshopId, scenarioId, username);
            }
        } catch (AttemptService.NotFoundException e) {
            throw new NotFoundException();
        }
        // The scenario part of a running exam is done without hints.
        examMode = workshopId == null && practice.inRunningExam(username, live.id());
        build();
    }

    private void build() {
        removeAll();
        Scenario scenario = live.scenario();
        Locale locale = getLocale();
        Credentials learner = live.attempt().learnerCredentials();
        String label = scenario.learner().isRoot() ? "root" : scenario.learner().user();
        workspace = new SandboxWorkspace(live.attempt().sandbox(), scenario.homeAccountId(), learner,
                label, validator, live::call);
        workspace.routeClock(live::advanceClock);
        LiveAttempt attemptNow = live;
        workspace.routeScope(work -> attemptNow.inOneWrite(() -> {
            work.run();
            return null;
        }));
        live.attempt().handedProfiles().forEach(workspace.terminal()::addProfile);
        workspace.allowRootOf(scenario.learner().rootOf());
        WorkspaceHolder.set(workspace);
        console = new ConsolePanel(workspace, null);

        story.removeAll();
        story.addClassName("player-story");
        H1 title = new H1(scenario.title().in(locale));
        Span level = new Span(getTranslation("level." + scenario.level().name()));
        level.addClassNames("dojo-badge", "level-" + scenario.level().name().toLowerCase(Locale.ROOT));
        Paragraph text = new Paragraph(scenario.story().in(locale));
        text.addClassName("player-story-text");
        step = Math.max(1, currentStep());
        stepBox.addClassName("player-step");
        report.addClassName("player-report");
        report.setId("grade-report");
        report.removeAll(); // after a reset, the old attempt's score must not stay on screen

        Button check = new Button(getTranslation("player.check"), e -> showReport(attempts.gradeAnswerFirst(live)));
        check.setId("check-my-work");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button(getTranslation("player.reset"), e -> confirmReset());
        reset.setId("reset-sandbox");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(check, reset);
        actions.addClassName("player-actions");
        if ((live.lastReport() != null && live.lastReport().passed() || live.record().status() == AttemptStatus.COMPLETED)
                && solutionVisible()) {
            actions.add(solutionButton());
        }
        story.add(title, level, text, stepBox, actions, report);
        renderStep();
        if (live.lastReport() != null) {
            showReport(live.lastReport());
        }

        SplitLayout split = new SplitLayout(story, console);
        split.setSplitterPosition(36);
        split.setSizeFull();
        split.addClassName("player-split");
        add(split);
    }

    private int currentStep() {
        int n = 1;
        for (int s = 1; s <= live.scenario().steps().size(); s++) {
            if (live.attempt().stepStart(s) != null) {
                n = s;
            }
        }
        return n;
    }

    private void renderStep() {
        stepBox.removeAll();
        Locale locale = getLocale();
        int total = live.scenario().steps().size();
        if (total == 0) {
            return;
        }
        Scenario.Step current = live.scenario().steps().get(step - 1);
        H2 heading = new H2(getTranslation("player.step", step, total, current.title().in(locale)));
        Paragraph instructions = new Paragraph(current.instructions().in(locale));
        instructions.addClassName("player-instructions");
        stepBox.add(heading, instructions);
        boolean hintsOff = examMode || workshop != null && !workshop.hintsAllowed();
        if (hintsOff && !current.hints().isEmpty()) {
            Paragraph off = new Paragraph(getTranslation(examMode ? "player.exam.hints-off" : "player.workshop.hints-off"));
            off.setId("hints-off");
            off.addClassName("dojo-muted");
            stepBox.add(off);
        }
        int offered = hintsOff ? 0 : current.hints().size();
        for (int h = 1; h <= offered; h++) {
            Scenario.Hint hint = current.hints().get(h - 1);
            int hintNo = h;
            boolean opened = live.attempt().hintsUsed().contains(new HintUse(step, h));
            if (opened) {
                Paragraph p = new Paragraph(getTranslation("player.hint-text", h, hint.text().in(locale)));
                p.addClassName("player-hint");
                stepBox.add(p);
            } else {
                Button show = new Button(getTranslation("player.hint", h, hint.costOrZero()), e -> {
                    live.useHint(step, hintNo);
                    renderStep();
                });
                show.setId("hint-" + step + "-" + h);
                show.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                stepBox.add(show);
                break; // hints open one at a time
            }
        }
        Button previous = new Button(getTranslation("player.previous"), e -> {
            step--;
            renderStep();
        });
        previous.setEnabled(step > 1);
        Button next = new Button(getTranslation("player.next"), e -> {
            step++;
            live.beginStep(step);
            renderStep();
        });
        next.setId("next-step");
        next.setEnabled(step < total);
        Div nav = new Div(previous, next);
        nav.addClassName("player-step-nav");
        stepBox.add(nav);
    }

    private void showReport(GradeReport r) {
        report.removeAll();
        Locale locale = getLocale();
        H2 score = new H2(getTranslation("player.score", r.total(), r.max()));
        score.setId("score");
        report.add(score);
        if (r.hintDeduction() > 0) {
            report.add(new Paragraph(getTranslation("player.hint-deduction", r.hintDeduction())));
        }
        Paragraph verdict = new Paragraph(getTranslation(r.passed() ? "player.passed" : "player.not-passed"));
        verdict.setId("grade-verdict");
        verdict.addClassName(r.passed() ? "passed" : "not-passed");
        report.add(verdict);
        for (GradeReport.CheckResult c : r.checks()) {
            Div row = new Div();
            row.addClassNames("check-row", c.passed() ? "passed" : "failed");
            Span mark = new Span(getTranslation(c.passed() ? "player.check.pass" : "player.check.fail"));
            mark.addClassName("check-mark");
            Span name = new Span(c.check().title().in(locale));
            Span points = new Span(getTranslation("player.check.points", c.earned(), c.check().points()));
            points.addClassName("dojo-muted");
            row.add(mark, name, points);
            if (c.passed() && c.earned() < c.check().points() && c.explanation() != null) {
                // Holds, but earns nothing yet: say why rather than show a bare 0.
                row.addClassName("withheld");
                Paragraph why = new Paragraph(Texts.of(c.explanation()));
                why.addClassName("check-explanation");
                row.add(why);
            }
            if (!c.passed()) {
                if (c.explanation() != null) {
                    Paragraph why = new Paragraph(Texts.of(c.explanation()));
                    why.addClassName("check-explanation");
                    row.add(why);
                }
                if (c.proof() != null && "FAIL".equals(c.proof().verdict())) {
                    row.add(counterexample(c.proof()));
                }
                String page = consolePage(c.check());
                Button fix = new Button(getTranslation("player.open-console", getTranslation("console.nav." + page)),
                        e -> console.show(page));
                fix.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                row.add(fix);
            }
            report.add(row);
        }
        if (r.passed() && solutionVisible()) {
            report.add(solutionButton());
        }
        if (r.passed() && !examMode) {
            nextScenario().ifPresent(next -> {
                Button go = new Button(getTranslation("player.next-scenario", next.title().in(locale)), e -> {
                    if (workshop == null) {
                        getUI().ifPresent(ui -> ui.navigate(PlayerView.class, next.id()));
                    } else {
                        getUI().ifPresent(ui -> ui.navigate(PlayerView.class, next.id(),
                                QueryParameters.of(WORKSHOP_PARAMETER, workshop.id())));
                    }
                });
                go.setId("next-scenario");
                go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                report.add(go);
            });
        }
    }

    /** The request that proves a least-privilege check failed, and a button that replays it in the simulator. */
    private Div counterexample(GradeReport.Proof proof) {
        Div box = new Div();
        box.addClassName("check-counterexample");
        box.setId("counterexample");
        box.add(new Paragraph(getTranslation("player.proof.counterexample")));
        String context = proof.context().isEmpty() ? getTranslation("player.proof.no-context")
                : proof.context().toString();
        String[][] rows = {{"principal", proof.principal()}, {"action", proof.action()},
                {"resource", proof.resource()}, {"context", context}};
        for (String[] r : rows) {
            Div line = new Div(new Span(getTranslation("player.proof." + r[0])), new Span(r[1]));
            line.addClassName("counterexample-" + r[0]);
            box.add(line);
        }
        Button play = new Button(getTranslation("player.proof.play"), e -> console.playInSimulator(proof.principal(),
                proof.action(), proof.resource(), proof.context()));
        play.setId("play-in-simulator");
        play.addThemeVariants(ButtonVariant.LUMO_SMALL);
        box.add(play);
        if (proof.fix() != null) {
            box.add(fixPart(proof.fix()));
        }
        return box;
    }

    /**
     * The smallest fix behind a button: worked out only when the learner asks (once per grading; it can take
     * seconds), on a worker thread while a progress text shows, then shown with "Apply this fix".
     */
    private Div fixPart(PendingFix pending) {
        Div holder = new Div();
        holder.addClassName("fix-holder");
        holder.getElement().setAttribute("aria-live", "polite");
        if (pending.computed()) {
            holder.add(suggestion(pending.get()));
            return holder;
        }
        Button show = new Button(getTranslation("fix.show"));
        show.setId("show-fix");
        show.addThemeVariants(ButtonVariant.LUMO_SMALL);
        show.addClickListener(e -> {
            UI ui = e.getSource().getUI().orElseThrow();
            Paragraph working = new Paragraph(getTranslation("fix.working"));
            working.setId("fix-working");
            working.addClassName("dojo-muted");
            holder.removeAll();
            holder.add(working);
            fixes.fix(pending).whenComplete((fix, error) -> {
                try {
                    ui.access(() -> {
                        holder.removeAll();
                        if (error != null) {
                            LOG.warn("The smallest fix could not be worked out", error);
                            Paragraph failed = new Paragraph(getTranslation("fix.failed"));
                            failed.setId("fix-failed");
                            holder.add(failed);
                        } else {
                            holder.add(suggestion(fix));
                        }
                    });
                } catch (UIDetachedException gone) {
                    // The page was closed meanwhile; the fix stays computed in the report for the next visit.
                }
            });
        });
        holder.add(show);
        return holder;
    }

    private FixSuggestion suggestion(GradeReport.Fix fix) {
        return new FixSuggestion(fix, workspace.actingLabel(), () -> applyFix(fix));
    }

    /**
     * Applies a proved fix the learner asked for: each call as the acting identity, through the sandbox's one way
     * in (authorized, logged, replayed); stops at the first refusal and shows it; then grades again.
     */
    private void applyFix(GradeReport.Fix fix) {
        for (GradeReport.FixCall call : fix.calls()) {
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            call.params().forEach(params::put);
            if (!CallFeedback.show(workspace.call(call.service(), call.operation(), new Params(params)),
                    getTranslation("fix.applied"))) {
                return;
            }
        }
        showReport(attempts.grade(live));
    }

    /**
     * Where to go after passing: the workshop's next scenario, or else the next one in the catalog the learner
     * has not completed yet (after the current one, wrapping round); empty when every one is done.
     */
    private Optional<Scenario> nextScenario() {
        List<Scenario> order = workshop != null ? workshops.scenarios(workshop) : catalog.scenarios();
        Set<String> done = new HashSet<>();
        attempts.history(username).stream().filter(a -> a.status() == AttemptStatus.COMPLETED)
                .filter(a -> Objects.equals(a.workshopId(), workshop == null ? null : workshop.id()))
                .forEach(a -> done.add(a.scenarioId()));
        done.add(live.scenario().id());
        int at = order.stream().map(Scenario::id).toList().indexOf(live.scenario().id());
        for (int i = 1; i <= order.size(); i++) {
            Scenario candidate = order.get(Math.floorMod(at + i, order.size()));
            if (!done.contains(candidate.id())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Where in the console a failed check is fixed. */
    static String consolePage(Check check) {
        if (check instanceof Check.Membership) {
            return "groups";
        }
        if (check instanceof Check.RootSecured) {
            return "account";
        }
        if (check instanceof Check.RoleTrust) {
            return "roles";
        }
        if (check instanceof Check.NoPublicAccess n) {
            return n.bucket() != null ? "s3" : "roles";
        }
        if (check instanceof Check.InstanceRole || check instanceof Check.NoKeysInUserData) {
            return "ec2";
        }
        if (check instanceof Check.Trail || check instanceof Check.CallFailed) {
            return "cloudtrail";
        }
        if (check instanceof Check.Entity e) {
            return switch (e.entity() == null ? "" : e.entity().toLowerCase(Locale.ROOT)) {
                case "group" -> "groups";
                case "role" -> "roles";
                case "policy" -> "policies";
                case "bucket" -> "s3";
                default -> "users";
            };
        }
        if (check instanceof Check.Allowed || check instanceof Check.Denied || check instanceof Check.PermissionsWithin) {
            return "simulator";
        }
        return "users";
    }

    /** Whether the reference solution may be shown: always outside workshops, else per the workshop's rule. */
    private boolean solutionVisible() {
        return !examMode && (workshop == null || workshop.solutionVisibleAt(workshops.now()));
    }

    private Button solutionButton() {
        Button show = new Button(getTranslation("player.solution"),
                e -> new SolutionDialog(live.scenario().solution()).open());
        show.setId("show-solution");
        show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return show;
    }

    private void confirmReset() {
        ModalConfirmDialog confirm = new ModalConfirmDialog();
        confirm.setHeader(getTranslation("player.reset.title"));
        confirm.setText(getTranslation("player.reset.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("player.reset.cancel"));
        confirm.setConfirmText(getTranslation("player.reset.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            live = attempts.reset(live.id(), username);
            step = 1;
            build();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return live == null ? getTranslation("catalog.page-title")
                : getTranslation("player.page-title", live.scenario().title().in(getLocale()));
    }
}
