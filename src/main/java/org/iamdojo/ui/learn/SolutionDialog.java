package org.iamdojo.ui.learn;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iamdojo.iam.cli.AwsCommandLine;
import org.iamdojo.iam.cloud.RootOnlyTasks;
import org.iamdojo.scenario.ScenarioOperation;

/**
 * A scenario's reference solution as AWS CLI commands the learner can type into the sandbox terminal or run in
 * a real account, each under the identity that runs it, with what it keeps from the response and whether it is
 * meant to fail.
 */
final class SolutionDialog extends Dialog {
    /** Root-only tasks the sandbox models as operations of their own; AWS has no CLI command of that name. */
    private static final Set<String> SANDBOX_ONLY = RootOnlyTasks.load().rootOnly().stream()
            .map(RootOnlyTasks.Task::action).collect(Collectors.toUnmodifiableSet());

    SolutionDialog(List<ScenarioOperation> solution) {
        setId("solution-dialog");
        setHeaderTitle(getTranslation("player.solution"));
        setWidth("min(900px, 95vw)");
        Paragraph help = new Paragraph(getTranslation("player.solution.help"));
        help.addClassName("dojo-muted");
        OrderedList list = new OrderedList();
        list.addClassName("solution-lines");
        for (ScenarioOperation op : solution) {
            list.add(line(op));
        }
        add(help, list);
        getFooter().add(new Button(getTranslation("console.close"), e -> close()));
    }

    private ListItem line(ScenarioOperation op) {
        ListItem item = new ListItem();
        item.addClassName("solution-line");
        String who = who(op);
        if (who != null) {
            Span as = new Span(who);
            as.addClassNames("solution-as", "dojo-badge");
            item.add(as);
        }
        if ("dojo".equals(op.service()) && "AdvanceClock".equals(op.operation()) && op.params() != null) {
            Paragraph clock = new Paragraph(getTranslation("player.solution.clock", op.params().path("Seconds").asLong()));
            clock.addClassName("solution-step");
            item.add(clock);
            return item;
        }
        Pre command = new Pre(command(op));
        command.addClassName("solution-command");
        item.add(command);
        if (SANDBOX_ONLY.contains(op.service() + ":" + op.operation())) {
            item.add(note(getTranslation("player.solution.sandbox-only")));
        }
        if (op.expectError() != null) {
            item.add(note(getTranslation("player.solution.expect-error", op.expectError())));
        }
        if (!op.save().isEmpty()) {
            item.add(note(getTranslation("player.solution.saves", op.save().entrySet().stream()
                    .map(e -> "${" + e.getKey() + "} = " + e.getValue()).collect(Collectors.joining(", ")))));
        }
        return item;
    }

    /** The CLI form; an operation the CLI has no command for keeps its API form. */
    static String command(ScenarioOperation op) {
        try {
            return AwsCommandLine.command(op.service(), op.operation(), op.params());
        } catch (IllegalArgumentException e) {
            return op.service() + ":" + op.operation() + " " + (op.params() == null ? "" : op.params().toString());
        }
    }

    /** Who runs the line, from its {@code as} (root, root mfa, user NAME [mfa], keys VAR, instance NAME). */
    private String who(ScenarioOperation op) {
        if (op.as() == null || op.as().isBlank()) {
            return null;
        }
        String[] w = op.as().trim().split("\\s+");
        boolean mfa = w[w.length - 1].equals("mfa");
        String name = w.length > 1 ? w[1] : "";
        String label = switch (w[0]) {
            case "root" -> getTranslation(mfa ? "player.solution.as.root-mfa" : "player.solution.as.root");
            case "user" -> getTranslation(mfa ? "player.solution.as.user-mfa" : "player.solution.as.user", name);
            case "keys" -> getTranslation("player.solution.as.keys", name);
            case "instance" -> getTranslation("player.solution.as.instance", name);
            default -> op.as();
        };
        return op.account() == null ? label : getTranslation("player.solution.in-account", label, op.account());
    }

    private static Div note(String text) {
        Div note = new Div(new Span(text));
        note.addClassNames("solution-note", "dojo-muted");
        return note;
    }
}
