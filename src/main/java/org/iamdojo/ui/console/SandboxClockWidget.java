package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The sandbox clock: shows sandbox time and moves it forward (15 min, 1 h, 12 h), so learners can watch
 * temporary credentials expire. Only the sandbox's clock moves; nothing else changes. A workspace whose clock is
 * fixed gets the time without the buttons.
 */
final class SandboxClockWidget extends Div {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final SandboxWorkspace workspace;
    private final Runnable afterMove;
    private final Span now = new Span();

    SandboxClockWidget(SandboxWorkspace workspace, Runnable afterMove) {
        this.workspace = workspace;
        this.afterMove = afterMove;
        addClassName("sandbox-clock");
        setId("sandbox-clock");
        now.setId("sandbox-clock-now");
        add(now);
        // A read-only look at someone else's sandbox shows the time but cannot move it.
        if (workspace.clockMovable()) {
            add(move("15m", Duration.ofMinutes(15), "console.clock.plus-15m"));
            add(move("1h", Duration.ofHours(1), "console.clock.plus-1h"));
            add(move("12h", Duration.ofHours(12), "console.clock.plus-12h"));
        }
        update();
    }

    private Button move(String id, Duration by, String labelKey) {
        Button b = new Button(t(labelKey), e -> {
            workspace.advanceClock(by);
            update();
            afterMove.run();
        });
        b.setId("clock-advance-" + id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.setTooltipText(t("console.clock.tooltip"));
        return b;
    }

    /** Redraws the sandbox time and how far it is ahead of real time. */
    void update() {
        Duration ahead = workspace.sandbox().clock().offset();
        now.setText(t("console.clock.now", TIME.format(workspace.sandbox().now()),
                ahead.toHours(), ahead.toMinutesPart()));
    }
}
