package org.iamdojo.ui.practice;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.iamdojo.scenario.practice.Question;

/**
 * One multiple-choice question: radio buttons for one correct option, checkboxes when several are correct. In
 * practice mode a "Check answer" button reveals right or wrong, the explanation and the scenario that teaches it;
 * in exam mode every change is handed to {@code onChange} and nothing is revealed.
 */
final class QuestionCard extends Div {
    private final Question question;
    private final String attemptKey;
    private final Set<Integer> initial;
    private final Consumer<Set<Integer>> onChange;
    private final Function<Set<Integer>, Boolean> check;
    private final Function<String, String> scenarioTitle;
    private Component choices;
    private final Div feedback = new Div();

    /**
     * A card for {@code question}; {@code label} heads it (e.g. "Question 3 of 8"); the options are shown in the
     * order of {@code attemptKey} (see {@link Question#optionOrder}). A {@code collapsed} card shows only the question
     * and an "Answer" button until the learner opens it (a long practice path stays light to render).
     */
    QuestionCard(Question question, String label, String attemptKey, Set<Integer> initial, Consumer<Set<Integer>> onChange,
                 Function<Set<Integer>, Boolean> check, Function<String, String> scenarioTitle, boolean collapsed) {
        this.question = question;
        this.attemptKey = attemptKey;
        this.initial = initial;
        this.onChange = onChange;
        this.check = check;
        this.scenarioTitle = scenarioTitle;
        Locale locale = getLocale();
        addClassName("question-card");
        setId("question-" + question.id());
        Span heading = new Span(label);
        heading.addClassName("question-label");
        Paragraph text = new Paragraph(question.question().in(locale));
        text.addClassName("question-text");
        Div topics = new Div();
        topics.addClassName("scenario-tags");
        // Topic tags would hint at the answer in an exam; they are shown only while practising.
        (check == null ? List.<String>of() : question.topics()).forEach(t -> {
            Span tag = new Span(Topics.label(this, t));
            tag.addClassName("scenario-tag");
            topics.add(tag);
        });
        add(heading, text, topics);
        if (collapsed) {
            Button open = new Button(getTranslation("question.answer"));
            open.setId("answer-" + question.id());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            open.addClickListener(e -> {
                remove(open);
                expand();
            });
            add(open);
        } else {
            expand();
        }
    }

    /** A card shown open at once. */
    QuestionCard(Question question, String label, String attemptKey, Set<Integer> initial, Consumer<Set<Integer>> onChange,
                 Function<Set<Integer>, Boolean> check, Function<String, String> scenarioTitle) {
        this(question, label, attemptKey, initial, onChange, check, scenarioTitle, false);
    }

    /** Whether the options are shown. */
    boolean expanded() {
        return choices != null;
    }

    /** Shows the options (and, while practising, the check button), once. */
    void expand() {
        if (choices != null) {
            return;
        }
        Locale locale = getLocale();
        List<Integer> positions = question.optionOrder(attemptKey);
        if (question.multipleAnswers()) {
            CheckboxGroup<Integer> group = new CheckboxGroup<>();
            group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            group.setLabel(getTranslation("question.choose-all", question.correctOptions().size()));
            group.setItems(positions);
            group.setItemLabelGenerator(i -> question.options().get(i).text().in(locale));
            group.setValue(new LinkedHashSet<>(initial));
            group.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    onChange.accept(Set.copyOf(e.getValue()));
                }
            });
            choices = group;
        } else {
            RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            group.setLabel(getTranslation("question.choose-one"));
            group.setItems(positions);
            group.setItemLabelGenerator(i -> question.options().get(i).text().in(locale));
            initial.stream().findFirst().ifPresent(group::setValue);
            group.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    onChange.accept(Set.of(e.getValue()));
                }
            });
            choices = group;
        }
        choices.setId("choices-" + question.id());
        choices.getElement().getClassList().add("question-choices");
        add(choices);
        if (check != null) {
            Button submit = new Button(getTranslation("question.check"), e -> showFeedback(check.apply(chosen()), scenarioTitle));
            submit.setId("check-" + question.id());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            feedback.setId("feedback-" + question.id());
            add(submit, feedback);
        }
    }

    /** The options currently chosen (0-based positions). */
    @SuppressWarnings("unchecked")
    Set<Integer> chosen() {
        if (choices == null) {
            return Set.of();
        }
        Object value = ((HasValue<?, ?>) choices).getValue();
        if (value == null) {
            return Set.of();
        }
        return value instanceof Set<?> set ? Set.copyOf((Set<Integer>) set) : Set.of((Integer) value);
    }

    /** Selects options as a learner would (used by tests through the component tree too). */
    @SuppressWarnings("unchecked")
    void choose(Set<Integer> options) {
        expand();
        if (choices instanceof CheckboxGroup<?> group) {
            ((CheckboxGroup<Integer>) group).setValue(options);
        } else if (!options.isEmpty()) {
            ((RadioButtonGroup<Integer>) choices).setValue(options.iterator().next());
        }
    }

    /** The choice component (radio or checkbox group). */
    AbstractField<?, ?> choiceField() {
        expand();
        return (AbstractField<?, ?>) choices;
    }

    private void showFeedback(boolean correct, Function<String, String> scenarioTitle) {
        Locale locale = getLocale();
        feedback.removeAll();
        feedback.setClassName("question-feedback " + (correct ? "correct" : "wrong"));
        Span verdict = new Span(getTranslation(correct ? "question.correct" : "question.wrong"));
        verdict.addClassName("question-verdict");
        Paragraph explanation = new Paragraph(question.explanation().in(locale));
        Div links = new Div();
        links.addClassName("question-links");
        if (question.scenario() != null) {
            Anchor scenario = new Anchor(Links.play(question.scenario()),
                    getTranslation("question.practise-scenario", scenarioTitle.apply(question.scenario())));
            links.add(scenario);
        }
        if (question.source() != null) {
            Anchor source = new Anchor(question.source(), getTranslation("question.source"));
            source.setTarget("_blank");
            links.add(source);
        }
        feedback.add(verdict, explanation, links);
    }
}
