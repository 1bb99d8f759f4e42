package org.iamdojo.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The actions on the row selected in a grid (as the AWS console's key and policy tables work: select, then act):
 * one set of buttons per grid instead of a set in every row, each enabled while a row is selected.
 *
 * @param <T> a row of the grid
 */
final class RowActions<T> extends HorizontalLayout {
    private final List<Button> buttons = new ArrayList<>();
    private final List<BiConsumer<Button, T>> followers = new ArrayList<>();
    private T selected;

    RowActions(Grid<T> grid) {
        addClassName("row-actions");
        setAlignItems(Alignment.CENTER);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addSelectionListener(e -> {
            selected = e.getFirstSelectedItem().orElse(null);
            buttons.forEach(b -> b.setEnabled(selected != null));
            if (selected != null) {
                for (int i = 0; i < buttons.size(); i++) {
                    followers.get(i).accept(buttons.get(i), selected);
                }
            }
        });
    }

    /** A button {@code id} labelled {@code key} that runs {@code action} on the selected row. */
    Button add(String id, String key, Consumer<T> action) {
        return add(id, key, action, (b, row) -> { });
    }

    /** As {@link #add(String, String, Consumer)}; {@code follow} adapts the button (its label) to each selection. */
    Button add(String id, String key, Consumer<T> action, BiConsumer<Button, T> follow) {
        Button b = ConsoleUi.button(id, key, e -> {
            if (selected != null) {
                action.accept(selected);
            }
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.setEnabled(false);
        buttons.add(b);
        followers.add(follow);
        add(b);
        return b;
    }
}
