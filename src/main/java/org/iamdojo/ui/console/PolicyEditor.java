package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicy;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicyCatalog;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.policy.validation.Severity;

/**
 * A policy JSON editor: line numbers with markers on lines that have findings, the validator's findings
 * (line:column, severity) refreshed as the learner types, AWS managed policies as templates and a visual
 * builder that appends statements to the same JSON. No syntax colouring (it would need a JS editor component).
 */
public class PolicyEditor extends Div {
    private static final int TYPING_PAUSE_MS = 400;
    private static AwsManagedPolicyCatalog templates;

    private final PolicyValidator validator;
    private final PolicyType type;
    private final TextArea json = new TextArea();
    private final Div gutter = new Div();
    private final Div findingsBox = new Div();
    private List<Finding> findings = List.of();

    /** An editor for a policy of the given type (identity, trust…), starting with {@code initial}, checked by {@code validator}. */
    public PolicyEditor(PolicyValidator validator, PolicyType type, String initial) {
        this.validator = validator;
        this.type = type;
        addClassName("policy-editor");
        setId("policy-editor");
        HorizontalLayout tools = new HorizontalLayout();
        tools.addClassName("policy-editor-tools");
        tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        if (type == PolicyType.IDENTITY_POLICY) {
            ComboBox<AwsManagedPolicy> template = new ComboBox<>(t("editor.template"));
            template.setId("policy-template");
            template.setItems(templates().all());
            template.setItemLabelGenerator(AwsManagedPolicy::policyName);
            template.setPlaceholder(t("editor.template.placeholder"));
            template.setWidth("320px");
            template.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    setValue(PolicyJson.pretty(e.getValue().document()));
                }
            });
            Button builder = new Button(t("editor.builder"), e -> new VisualPolicyBuilder(this::appendStatement).open());
            builder.setId("policy-builder-open");
            tools.add(template, builder);
        }
        Button format = new Button(t("editor.format"), e -> setValue(PolicyJson.pretty(getValue())));
        format.setId("policy-format");
        format.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        tools.add(format);

        json.setId("policy-json");
        json.addClassName("policy-json");
        json.setLabel(t("editor.json"));
        json.setValueChangeMode(ValueChangeMode.LAZY);
        json.setValueChangeTimeout(TYPING_PAUSE_MS);
        json.getElement().setAttribute("spellcheck", "false");
        json.addValueChangeListener(e -> analyse());
        gutter.addClassName("policy-gutter");
        gutter.getElement().setAttribute("aria-hidden", "true");
        Div body = new Div(gutter, json);
        body.addClassName("policy-editor-body");
        findingsBox.addClassName("policy-findings");
        findingsBox.setId("policy-findings");
        add(tools, body, findingsBox);
        setValue(initial == null ? "" : initial);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // Colours the JSON in the browser as the learner types; sent inline, so no frontend build is needed.
        attachEvent.getUI().getPage().executeJs(HIGHLIGHT_SCRIPT);
    }

    /** The browser-side highlighter (src/main/resources/META-INF/resources/scripts/policy-highlight.js). */
    private static final String HIGHLIGHT_SCRIPT = readScript();

    private static String readScript() {
        try (InputStream in = PolicyEditor.class.getResourceAsStream(
                "/META-INF/resources/scripts/policy-highlight.js")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The policy text. */
    public String getValue() {
        return json.getValue();
    }

    /** Replaces the policy text and re-validates it. */
    public void setValue(String text) {
        json.setValue(text);
        analyse();
    }

    /** Labels the JSON field (a page with two editors tells them apart). */
    public void setJsonLabel(String label) {
        json.setLabel(label);
    }

    /**
     * Renames the ids of the editor and its parts from "policy-…" to "{@code prefix}-…" (e.g. compare-new-json),
     * so that two editors on one page keep ids unique.
     */
    public void useIdPrefix(String prefix) {
        renameIds(getElement(), prefix);
    }

    private static void renameIds(Element element, String prefix) {
        String id = element.getAttribute("id");
        if (id != null && id.startsWith("policy-")) {
            element.setAttribute("id", prefix + id.substring("policy".length()));
        } else if ("policy-editor".equals(id)) {
            element.setAttribute("id", prefix);
        }
        element.getChildren().forEach(c -> renameIds(c, prefix));
    }

    /** The current findings, by line. */
    public List<Finding> findings() {
        return findings;
    }

    /** Whether the validator found an error AWS would reject. */
    public boolean hasErrors() {
        return PolicyValidator.hasErrors(findings);
    }


    private static synchronized AwsManagedPolicyCatalog templates() {
        if (templates == null) {
            templates = AwsManagedPolicyCatalog.load();
        }
        return templates;
    }

    private void analyse() {
        String text = json.getValue();
        findings = text.isBlank() ? List.of() : validator.validate(text, type);
        Map<Integer, Finding> worstByLine = new HashMap<>();
        for (Finding f : findings) {
            worstByLine.merge(f.line(), f, (a, b) -> a.severity().ordinal() <= b.severity().ordinal() ? a : b);
        }
        gutter.removeAll();
        int lines = Math.max(1, (int) text.chars().filter(c -> c == '\n').count() + 1);
        for (int i = 1; i <= lines; i++) {
            Span n = new Span(Integer.toString(i));
            n.addClassName("policy-line");
            Finding f = worstByLine.get(i);
            if (f != null) {
                n.addClassName("sev-" + severityClass(f.severity()));
                n.setTitle(message(f));
            }
            gutter.add(n);
        }
        findingsBox.removeAll();
        if (findings.isEmpty()) {
            Span ok = new Span(t(text.isBlank() ? "editor.empty" : "editor.no-findings"));
            ok.addClassName("policy-findings-ok");
            findingsBox.add(ok);
            return;
        }
        for (Finding f : findings) {
            Button row = new Button(t("editor.finding", f.line(), f.column(),
                    t("editor.severity." + f.severity().name()), f.issueCode(), message(f)), e -> goTo(f));
            row.addClassNames("policy-finding", "sev-" + severityClass(f.severity()));
            row.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            findingsBox.add(row);
        }
    }

    /** The finding's message in the learner's language. */
    static String message(Finding f) {
        return t(f.code().messageKey(), f.messageArguments(ConsoleUi::t));
    }

    private static String severityClass(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case SECURITY_WARNING -> "security";
            case WARNING -> "warning";
            case SUGGESTION -> "suggestion";
        };
    }

    /** Selects the finding's line in the text area and scrolls it into view. */
    private void goTo(Finding f) {
        String text = json.getValue();
        int start = 0;
        for (int line = 1; line < f.line() && start >= 0; line++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                start = text.length();
                break;
            }
        }
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        json.getElement().executeJs("const t = this.querySelector('textarea'); if (!t) return;"
                + "t.focus(); t.setSelectionRange($0, $1);"
                + "const body = this.closest('.policy-editor-body');"
                + "if (body) body.scrollTop = Math.max(0, ($2 - 3) * 20);", start, end, f.line());
        gutter.getChildren().forEach(c -> c.getElement().getClassList().remove("current"));
        gutter.getChildren().skip(Math.max(0, f.line() - 1)).findFirst()
                .ifPresent(c -> c.getElement().getClassList().add("current"));
    }

    /** Adds a statement from the visual builder: appended when the text is a policy, a new document when empty. */
    void appendStatement(ObjectNode statement) {
        JsonNode doc = PolicyJson.parse(getValue());
        if (doc == null && !getValue().isBlank()) {
            // Not a readable policy yet: the learner's text stays as it is, with its findings.
            Notification.show(t("editor.builder.fix-first"), 5000, Notification.Position.MIDDLE);
            return;
        }
        ObjectNode out;
        if (doc instanceof ObjectNode o && (o.get("Statement") == null || o.get("Statement").isArray()
                || o.get("Statement").isObject())) {
            out = o;
            JsonNode existing = o.get("Statement");
            ArrayNode list = PolicyJson.MAPPER.createArrayNode();
            if (existing != null && existing.isArray()) {
                list.addAll((ArrayNode) existing);
            } else if (existing != null) {
                list.add(existing);
            }
            list.add(statement);
            out.set("Statement", list);
        } else {
            out = PolicyJson.MAPPER.createObjectNode();
            out.put("Version", "2012-10-17");
            out.putArray("Statement").add(statement);
        }
        if (!out.has("Version")) {
            List<String> keys = new ArrayList<>();
            out.fieldNames().forEachRemaining(keys::add);
            ObjectNode ordered = PolicyJson.MAPPER.createObjectNode().put("Version", "2012-10-17");
            keys.forEach(k -> ordered.set(k, out.get(k)));
            setValue(PolicyJson.pretty(ordered));
            return;
        }
        setValue(PolicyJson.pretty(out));
    }
}
