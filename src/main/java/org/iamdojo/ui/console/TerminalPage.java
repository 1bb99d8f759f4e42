package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.cli.AwsCommandLine;

/**
 * The sandbox terminal: an AWS CLI look-alike. Lines run through the workspace's {@link AwsCommandLine} as the
 * acting identity (or a configured profile); {@code aws configure} asks its questions one by one, the secret
 * in a password field; an AccessDenied offers "Why?". {@code clear} and {@code help} are the page's own.
 */
final class TerminalPage extends DivPage {
    private static final String PROMPT = "$ ";

    private final SandboxWorkspace workspace;
    private final Div output = new Div();
    private final Span prompt = new Span(PROMPT);
    private final TextField input = new TextField();
    private final PasswordField secret = new PasswordField();
    private final List<String> history = new ArrayList<>();
    private final SandboxClockWidget clock;
    private int historyIndex;
    private String pendingPrompt;

    TerminalPage(SandboxWorkspace workspace) {
        super("terminal-page");
        this.workspace = workspace;
        clock = new SandboxClockWidget(workspace, () -> { });
        Div head = new Div(new H3(t("terminal.title")), clock);
        head.addClassName("page-head");

        output.setId("terminal-output");
        output.addClassName("terminal-output");
        output.getElement().setAttribute("role", "log");
        output.getElement().setAttribute("aria-live", "polite");
        prompt.setId("terminal-prompt");
        prompt.addClassName("terminal-prompt");
        input.setId("terminal-input");
        input.addClassName("terminal-input");
        input.setAriaLabel(t("terminal.input"));
        input.setValueChangeMode(ValueChangeMode.EAGER);
        input.getElement().setAttribute("autocomplete", "off");
        input.getElement().setAttribute("spellcheck", "false");
        input.addKeyPressListener(Key.ENTER, e -> submit(input.getValue()));
        input.addKeyDownListener(Key.ARROW_UP, e -> browse(-1));
        input.addKeyDownListener(Key.ARROW_DOWN, e -> browse(1));
        secret.setId("terminal-secret");
        secret.addClassName("terminal-input");
        secret.setAriaLabel(t("terminal.secret"));
        secret.setValueChangeMode(ValueChangeMode.EAGER);
        secret.setRevealButtonVisible(false);
        secret.addKeyPressListener(Key.ENTER, e -> submit(secret.getValue()));
        secret.setVisible(false);
        Div line = new Div(prompt, input, secret);
        line.addClassName("terminal-line");
        Div screen = new Div(output, line);
        screen.addClassName("terminal");
        screen.setId("terminal");
        screen.addClickListener(e -> focusInput());
        print(t("terminal.welcome"), "terminal-info");
        root.add(head, screen);
    }

    @Override
    public void refresh() {
        clock.update();
    }

    /** Runs one typed line (public to the package for tests). */
    void submit(String line) {
        boolean answeringSecret = secret.isVisible();
        echo(line, answeringSecret);
        input.clear();
        secret.clear();
        if (pendingPrompt == null && !line.isBlank()) {
            history.add(line);
        }
        historyIndex = history.size();
        String command = line.trim();
        if (pendingPrompt == null && command.equals("clear")) {
            output.removeAll();
        } else if (pendingPrompt == null && command.equals("help")) {
            print(t("terminal.help"), "terminal-info");
        } else {
            AwsCommandLine.Output out = workspace.terminal().run(line, workspace.actingAs());
            if (!out.text().isEmpty()) {
                String text = out.message() == null ? out.text()
                        : t("terminal.msg." + out.message().key(), out.message().args().toArray());
                Div block = print(text, out.exitCode() == 0 ? "terminal-result" : "terminal-error");
                Decision decision = out.decision();
                if (decision != null) {
                    Button why = new Button(t("console.why"), e -> new DecisionDialog(decision).open());
                    why.addClassName("terminal-why");
                    why.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                    block.add(why);
                }
            }
            pendingPrompt = out.prompt();
        }
        boolean asksSecret = pendingPrompt != null && pendingPrompt.startsWith("AWS Secret Access Key");
        prompt.setText(pendingPrompt == null ? PROMPT : pendingPrompt);
        input.setVisible(!asksSecret);
        secret.setVisible(asksSecret);
        clock.update();
        focusInput();
        output.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private void echo(String line, boolean hidden) {
        String shown = hidden ? "*".repeat(Math.min(line.length(), 16)) : line;
        print((pendingPrompt == null ? PROMPT : pendingPrompt) + shown, "terminal-echo");
    }

    private Div print(String text, String className) {
        Div block = new Div();
        block.addClassName("terminal-block");
        block.addClassName(className);
        Span t = new Span(text);
        block.add(t);
        output.add(block);
        return block;
    }

    private void browse(int step) {
        if (history.isEmpty() || pendingPrompt != null) {
            return;
        }
        historyIndex = Math.max(0, Math.min(history.size(), historyIndex + step));
        input.setValue(historyIndex == history.size() ? "" : history.get(historyIndex));
    }

    private void focusInput() {
        if (secret.isVisible()) {
            secret.focus();
        } else {
            input.focus();
        }
    }
}
