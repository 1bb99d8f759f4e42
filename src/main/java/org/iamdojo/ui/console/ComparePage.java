package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.analysis.AccessDifference;
import org.iamdojo.iam.analysis.AccessDifference.Except;
import org.iamdojo.iam.analysis.AccessDifference.Row;
import org.iamdojo.iam.analysis.NoNewAccessCheck;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.analysis.UnknownReason;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.policy.Condition;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.PrincipalBlock;
import org.iamdojo.iam.policy.Statement;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.Severity;

/**
 * Compare policies: an existing and a new policy, and Access Analyzer's CheckNoNewAccess question decided by the
 * engine's reasoning layer (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html):
 * a proved PASS, or a FAIL with the new statements responsible, the whole difference as proved rows
 * ({@link AccessDifference}) and counterexample requests that open in the simulator.
 */
final class ComparePage extends DivPage {
    private static ActionCatalog catalog;

    private final SandboxWorkspace workspace;
    private final RadioButtonGroup<NoNewAccessCheck.PolicyType> type = new RadioButtonGroup<>();
    private final Div editors = new Div();
    private final Div result = new Div();
    private PolicyEditor existing;
    private PolicyEditor proposed;

    /** One counterexample to show: where it comes from and the request. */
    record Example(String origin, AuthorizationRequest request) {
    }

    ComparePage(SandboxWorkspace workspace) {
        super("compare-page");
        this.workspace = workspace;
        type.setLabel(t("compare.type"));
        type.setId("compare-type");
        type.setItems(NoNewAccessCheck.PolicyType.IDENTITY_POLICY, NoNewAccessCheck.PolicyType.RESOURCE_POLICY);
        type.setItemLabelGenerator(p -> t("compare.type." + p.name()));
        type.setValue(NoNewAccessCheck.PolicyType.IDENTITY_POLICY);
        type.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                buildEditors(existing.getValue(), proposed.getValue());
                result.removeAll();
            }
        });
        editors.addClassName("compare-editors");
        // The learner's texts come back after a visit to the simulator (the console builds pages afresh).
        String[] kept = kept();
        buildEditors(kept != null ? kept[0] : example("arn:aws:s3:::dojo-app-artifacts/*"),
                kept != null ? kept[1] : example("arn:aws:s3:::*"));
        Button run = new Button(t("compare.run"));
        run.setId("compare-run");
        // The texts as the browser has them at the click: the editors send typing only after a pause.
        run.getElement().addEventListener("click", e -> {
            takeTyped(existing, e.getEventData().getString(TYPED_EXISTING));
            takeTyped(proposed, e.getEventData().getString(TYPED_NEW));
            compare();
        }).addEventData(TYPED_EXISTING).addEventData(TYPED_NEW);
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("compare-result");
        result.addClassName("compare-result");
        result.getElement().setAttribute("aria-live", "polite");
        root.add(new H3(t("compare.title")), new Paragraph(t("compare.intro")), type, editors, run, result);
    }

    private static final String TYPED_EXISTING = "(document.getElementById('compare-existing-json') || {}).value";
    private static final String TYPED_NEW = "(document.getElementById('compare-new-json') || {}).value";

    private static void takeTyped(PolicyEditor editor, String typed) {
        if (typed != null && !typed.equals(editor.getValue())) {
            editor.setValue(typed);
        }
    }

    private String keptKey() {
        return ComparePage.class.getName() + "@" + System.identityHashCode(workspace);
    }

    private String[] kept() {
        UI ui = UI.getCurrent();
        return ui == null ? null : (String[]) ComponentUtil.getData(ui, keptKey());
    }

    private void keep() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, keptKey(), new String[] {existing.getValue(), proposed.getValue()});
        }
    }

    private static String example(String resource) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", "
                + "\"Action\": \"s3:GetObject\", \"Resource\": \"" + resource + "\"}\n  ]\n}";
    }

    private static synchronized ActionCatalog catalog() {
        if (catalog == null) {
            catalog = ActionCatalog.standard();
        }
        return catalog;
    }

    private void buildEditors(String existingText, String proposedText) {
        PolicyType validation = type.getValue() == NoNewAccessCheck.PolicyType.RESOURCE_POLICY
                ? PolicyType.RESOURCE_POLICY : PolicyType.IDENTITY_POLICY;
        existing = new PolicyEditor(workspace.validator(), validation, existingText);
        existing.setJsonLabel(t("compare.existing"));
        existing.useIdPrefix("compare-existing");
        proposed = new PolicyEditor(workspace.validator(), validation, proposedText);
        proposed.setJsonLabel(t("compare.new"));
        proposed.useIdPrefix("compare-new");
        editors.removeAll();
        editors.add(titled("compare.existing.title", existing), titled("compare.new.title", proposed));
    }

    private static Div titled(String key, PolicyEditor editor) {
        H4 title = new H4(t(key));
        title.addClassName("compare-editor-title");
        Div box = new Div(title, editor);
        box.addClassName("compare-editor");
        return box;
    }

    @Override
    public void refresh() {
        // The page reads nothing from the sandbox: the two policies are the learner's text.
    }

    /** Reads both documents (a located error on the first one that does not parse) and shows the answer. */
    void compare() {
        result.removeAll();
        keep();
        CompiledPolicy before = read(existing, "compare.existing");
        CompiledPolicy after = before == null ? null : read(proposed, "compare.new");
        if (before == null || after == null) {
            return;
        }
        NoNewAccessCheck.PolicyType policyType = type.getValue();
        Verdict verdict = new NoNewAccessCheck().check(List.of(before), List.of(after), policyType);
        Span badge = new Span(verdict.result().name());
        badge.setId("compare-verdict");
        badge.getElement().getThemeList().add(switch (verdict.result()) {
            case PASS -> "badge success";
            case FAIL -> "badge error";
            case UNKNOWN -> "badge contrast";
        });
        Span sentence = new Span(switch (verdict.result()) {
            case PASS -> t("compare.pass");
            case FAIL -> t("compare.fail");
            case UNKNOWN -> t("compare.unknown", reason(verdict.why(), verdict.message()));
        });
        sentence.setId("compare-verdict-text");
        Div head = new Div(badge, sentence);
        head.addClassName("compare-verdict");
        result.add(head);
        result.scrollIntoView();
        if (verdict.result() != NoNewAccessCheck.Result.FAIL) {
            return;
        }
        AccessDifference.Result diff = new AccessDifference(catalog()).compute(before, after, policyType);
        result.add(responsible(verdict, diff));
        result.add(new H4(t("compare.diff.title")));
        if (diff.rows().isEmpty()) {
            result.add(new Paragraph(t("compare.diff.none")));
        } else {
            UnorderedList words = new UnorderedList();
            words.setId("compare-diff-words");
            for (Row r : diff.rows()) {
                ListItem li = new ListItem(sentence(r));
                li.addClassName("compare-diff-sentence");
                words.add(li);
            }
            result.add(words, diffGrid(diff.rows()));
        }
        Paragraph coverage = new Paragraph(switch (diff.coverage()) {
            case COMPLETE -> t("compare.coverage.complete");
            case MORE -> t("compare.coverage.more", describe(diff.outside()));
            case NOT_PROVED -> t("compare.coverage.not-proved", reason(diff.why(), diff.reason()));
        });
        coverage.setId("compare-coverage");
        result.add(coverage);

        List<Example> examples = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < diff.rows().size(); i++) {
            addExample(examples, seen, t("compare.example.row", i + 1), diff.rows().get(i).example());
        }
        if (examples.isEmpty()) {
            // The check's own request (the reasoner's shortest words) when no row gave a readable one.
            addExample(examples, seen, t("compare.example.check"), verdict.counterexample());
        }
        addExample(examples, seen, t("compare.example.outside"), diff.outside());
        result.add(new H4(t("compare.examples.title")), new Paragraph(t(policyType
                == NoNewAccessCheck.PolicyType.RESOURCE_POLICY ? "compare.examples.help.resource"
                : "compare.examples.help")), examplesGrid(examples, policyType, after));
    }

    private CompiledPolicy read(PolicyEditor editor, String labelKey) {
        try {
            CompiledPolicy p = CompiledPolicy.parse(editor.getValue(), t(labelKey));
            for (Finding f : editor.findings()) {
                if (f.severity() == Severity.ERROR) {
                    error(t("compare.error.finding", t(labelKey), f.line(), f.column(), PolicyEditor.message(f)));
                    return null;
                }
            }
            return p;
        } catch (PolicyParseException e) {
            error(t("compare.error.parse", t(labelKey), e.line(), e.column(), e.reason()));
            return null;
        }
    }

    private void error(String text) {
        Paragraph p = new Paragraph(text);
        p.setId("compare-error");
        p.addClassName("compare-error");
        result.add(p);
    }

    private Component responsible(Verdict verdict, AccessDifference.Result diff) {
        Set<String> names = new LinkedHashSet<>();
        if (verdict.statementIndex() >= 0) {
            names.add(statement(verdict.statementIndex(), verdict.statementId()));
        }
        for (Row r : diff.rows()) {
            names.add(statement(r.statementIndex(), r.statementId()));
        }
        Paragraph p = new Paragraph(t("compare.responsible", String.join(", ", names)));
        p.setId("compare-responsible");
        return p;
    }

    /** "statement 1 (Sid Read)": counted from 1 as the simulator does; {@code index} is the API's 0-based one. */
    private static String statement(int index, String sid) {
        int number = index + 1;
        return sid == null || sid.isBlank() ? t("compare.statement", number) : t("compare.statement.sid", number, sid);
    }

    /**
     * Why the engine could not decide, in the page's language; {@code english} (the API's message) only for a
     * reason the engine gave no kind for.
     */
    static String reason(UnknownReason why, String english) {
        if (why == null) {
            return english;
        }
        List<String> a = why.args();
        if (why.kind() == UnknownReason.Kind.REPLAY_NOT_CONFIRMED) {
            String request = t("compare.why.request", a.get(0), a.get(1).isEmpty() ? "\"\"" : a.get(1));
            if (!a.get(2).isEmpty()) {
                request = t("compare.why.request.for", request, a.get(2));
            }
            request = a.get(3).isEmpty() ? t("compare.why.request.no-context", request)
                    : t("compare.why.request.context", request, a.get(3));
            String text = t("compare.why.REPLAY_NOT_CONFIRMED", request);
            return a.get(4).isEmpty() ? text : t("compare.why.approximated", text);
        }
        return t("compare.why." + why.kind().name(), a.toArray());
    }

    /** "s3:GetObject on every S3 bucket and object except the objects of bucket X". */
    static String sentence(Row r) {
        String actions = r.notAction() ? t("compare.actions.not", codes(r.actions())) : codes(r.actions());
        String text = t("compare.sentence", actions, resources(r.resources(), r.notResource()));
        if (r.piece().principal() != null || r.piece().notPrincipal() != null) {
            text = t("compare.sentence.principal", text, principals(r.piece()));
        }
        if (!r.piece().conditions().isEmpty()) {
            text = t("compare.sentence.when", text, conditions(r.piece().conditions()));
        }
        List<String> excepts = new ArrayList<>();
        for (Except e : r.exceptions()) {
            excepts.add(except(e));
        }
        return excepts.isEmpty() ? text : t("compare.sentence.except", text, String.join("; ", excepts));
    }

    private static String except(Except e) {
        Statement s = e.statement();
        List<String> res = s.resources() != null ? s.resources() : s.notResources();
        String what = resources(res, s.resources() == null && s.notResources() != null);
        if (!e.coversRowActions()) {
            List<String> acts = s.actions() != null ? s.actions() : s.notActions();
            String actions = s.actions() != null ? codes(acts) : t("compare.actions.not", codes(acts));
            what = t("compare.sentence", actions, what);
        }
        if (!s.conditions().isEmpty()) {
            what = t("compare.sentence.when", what, conditions(s.conditions()));
        }
        String where = e.source() == AccessDifference.Source.EXISTING_ALLOW
                ? t("compare.except.existing", statement(e.statementIndex(), e.statementId()))
                : t("compare.except.new-deny", statement(e.statementIndex(), e.statementId()));
        return what + " " + where;
    }

    private static String codes(List<String> values) {
        return String.join(", ", values);
    }

    /** Resource patterns in words where the pattern is a common S3 one, else the pattern itself. */
    static String resources(List<String> patterns, boolean not) {
        if (patterns == null) {
            return t("compare.res.absent");
        }
        List<String> parts = new ArrayList<>();
        for (String p : patterns) {
            parts.add(resource(p));
        }
        String joined = String.join(", ", parts);
        return not ? t("compare.res.not", joined) : joined;
    }

    static String resource(String p) {
        if ("*".equals(p)) {
            return t("compare.res.all");
        }
        if ("arn:aws:s3:::*".equals(p)) {
            return t("compare.res.s3-all", p);
        }
        if (p.startsWith("arn:aws:s3:::") && !p.contains("${")) {
            String rest = p.substring("arn:aws:s3:::".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            boolean plain = bucket.indexOf('*') < 0 && bucket.indexOf('?') < 0 && !bucket.isEmpty();
            if (plain && slash < 0) {
                return t("compare.res.s3-bucket", bucket, p);
            }
            if (plain && "/*".equals(rest.substring(slash))) {
                return t("compare.res.s3-objects", bucket, p);
            }
        }
        return p;
    }

    private static String principals(Statement s) {
        PrincipalBlock b = s.principal() != null ? s.principal() : s.notPrincipal();
        String who = b.wildcard() ? t("compare.principal.any") : b.values().values().stream()
                .flatMap(List::stream).reduce((x, y) -> x + ", " + y).orElse("");
        return s.principal() != null ? who : t("compare.principal.not", who);
    }

    static String conditions(List<Condition> conditions) {
        List<String> parts = new ArrayList<>();
        for (Condition c : conditions) {
            parts.add(c.operator() + " " + c.key() + " " + c.values());
        }
        return String.join("; ", parts);
    }

    private static Grid<Row> diffGrid(List<Row> rows) {
        Grid<Row> grid = new Grid<>();
        grid.setId("compare-diff");
        grid.addClassName("compare-diff");
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", t("compare.diff.title"));
        grid.addColumn(r -> statement(r.statementIndex(), r.statementId())).setHeader(t("compare.col.statement"))
                .setFlexGrow(1);
        grid.addColumn(r -> r.notAction() ? t("compare.actions.not", codes(r.actions())) : codes(r.actions()))
                .setHeader(t("compare.col.actions")).setFlexGrow(2);
        grid.addColumn(r -> {
            String base = r.resources() == null ? t("compare.res.absent") : r.notResource()
                    ? t("compare.res.not", codes(r.resources())) : codes(r.resources());
            List<String> ex = new ArrayList<>();
            for (Except e : r.exceptions()) {
                ex.add(except(e));
            }
            return ex.isEmpty() ? base : t("compare.sentence.except", base, String.join("; ", ex));
        }).setHeader(t("compare.col.resources")).setFlexGrow(4);
        grid.addColumn(r -> r.piece().conditions().isEmpty() ? t("compare.col.conditions.none")
                : conditions(r.piece().conditions())).setHeader(t("compare.col.conditions")).setFlexGrow(2);
        grid.addComponentColumn(r -> {
            Span s = new Span(t("compare.proved"));
            s.getElement().getThemeList().add("badge success");
            s.setTitle(t("compare.proved.help"));
            s.addClassName("compare-proved");
            return s;
        }).setHeader(t("compare.col.proof")).setFlexGrow(1);
        grid.getColumns().forEach(c -> c.setResizable(true));
        grid.setItems(rows);
        return grid;
    }

    private static void addExample(List<Example> out, Set<String> seen, String origin, AuthorizationRequest r) {
        if (r != null && seen.add(describe(r))) {
            out.add(new Example(origin, r));
        }
    }

    private static String describe(AuthorizationRequest r) {
        if (r == null) {
            return "";
        }
        return r.principal() + " " + r.action() + " " + r.resource() + " " + r.context().asMap();
    }

    private Grid<Example> examplesGrid(List<Example> examples, NoNewAccessCheck.PolicyType policyType,
            CompiledPolicy after) {
        Grid<Example> grid = new Grid<>();
        grid.setId("compare-examples");
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", t("compare.examples.title"));
        grid.addColumn(Example::origin).setHeader(t("compare.col.origin")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.request().principal()).setHeader(t("compare.col.principal")).setFlexGrow(2);
        grid.addColumn(e -> e.request().action()).setHeader(t("compare.col.action")).setFlexGrow(1);
        grid.addColumn(e -> e.request().resource() == null ? "*" : e.request().resource())
                .setHeader(t("compare.col.resource")).setFlexGrow(3);
        grid.addColumn(e -> context(e.request().context().asMap())).setHeader(t("compare.col.context")).setFlexGrow(2);
        boolean identity = policyType == NoNewAccessCheck.PolicyType.IDENTITY_POLICY;
        grid.addComponentColumn(e -> {
            Button b;
            if (identity) {
                b = new Button(t("compare.open-simulator"), click -> {
                    keep();
                    root.findAncestor(ConsolePanel.class).playCustomInSimulator(proposed.getValue(),
                            e.request().action(), e.request().resource(), e.request().context().asMap());
                });
            } else {
                b = new Button(t("compare.show-evaluation"), click -> grid.setDetailsVisible(e,
                        !grid.isDetailsVisible(e)));
            }
            b.addClassName("compare-open");
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return b;
        }).setHeader(t("compare.col.replay")).setAutoWidth(true).setFlexGrow(0);
        if (!identity) {
            // The simulator runs identity policies; a bucket policy's replay is shown here, layer by layer.
            Authorizer authorizer = new Authorizer();
            grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
                AuthorizationRequest req = e.request().toBuilder().resourcePolicy(after).build();
                String caller = accountOf(req.principal());
                if (caller == null || caller.equals(req.resourceAccount())) {
                    return new EvaluationFlow(req, authorizer.authorize(req));
                }
                // A caller from another account also needs its own account's identity policy to allow
                // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html);
                // the check asks only what the resource policy grants, so that side is taken to allow.
                AuthorizationRequest crossAccount = req.toBuilder().identity(callerAllows(req.action())).build();
                Paragraph note = new Paragraph(t("compare.cross-account", caller, req.resourceAccount()));
                note.addClassNames("compare-cross-account", "dojo-muted");
                Div details = new Div(note, new EvaluationFlow(crossAccount, authorizer.authorize(crossAccount)));
                details.addClassName("compare-evaluation");
                return details;
            }));
            grid.setDetailsVisibleOnClick(false);
        }
        grid.setItems(examples);
        grid.getColumns().forEach(c -> c.setResizable(true));
        return grid;
    }

    /** The account of an IAM or STS principal ARN; null for anyone else (anonymous, a service). */
    static String accountOf(String principal) {
        String[] parts = principal.split(":", 6);
        boolean arn = parts.length == 6 && parts[0].equals("arn") && (parts[2].equals("iam") || parts[2].equals("sts"));
        return arn && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    /** The caller's own identity policy, taken to allow the action (for a cross-account replay). */
    private static CompiledPolicy callerAllows(String action) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode().put("Effect", "Allow").put("Action", action)
                .put("Resource", "*");
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        try {
            return CompiledPolicy.parse(document.toString(), t("compare.caller-policy"));
        } catch (PolicyParseException e) {
            throw new IllegalStateException("An Allow of one action does not parse: " + action, e);
        }
    }

    private static String context(Map<String, List<String>> ctx) {
        if (ctx.isEmpty()) {
            return t("compare.context.none");
        }
        List<String> parts = new ArrayList<>();
        ctx.forEach((k, v) -> parts.add(k + " = " + String.join(", ", v)));
        return String.join("; ", parts);
    }
}
