package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.PrincipalSimulation;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvaluationResults;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;

/**
 * The policy simulator: a user, group or role of the account (the ones ListUsers/ListGroups/ListRoles return;
 * SimulatePrincipalPolicy as the acting identity, so it needs iam:SimulatePrincipalPolicy) or pasted custom
 * policies; actions × resources with context keys; a results table whose rows open the evaluation as AWS's
 * flow: for a principal, the very request and decision the simulation made (PrincipalSimulation's evaluations).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 */
final class SimulatorPage extends DivPage {
    private static final String CUSTOM = "custom";
    private static List<String> actionNames;

    private final SandboxWorkspace workspace;
    private final Select<Choice> principal = new Select<>();
    private final TextArea policies = new TextArea();
    private final TextField actions = new TextField();
    private final TextField resources = new TextField();
    private final Div contextRows = new Div();
    private final List<TextField[]> contextFields = new ArrayList<>();
    private final Grid<Row> results = new Grid<>();
    private final Authorizer authorizer = new Authorizer();
    private final Div principalsRefused = new Div();

    /** A principal to simulate: kind user/group/role with its ARN, or the custom-policy choice. */
    record Choice(String kind, String name, String arn) {
    }

    /** One result: the action and resource, AWS's EvalDecision word, and the engine's request and decision. */
    record Row(String action, String resource, String evalDecision, AuthorizationRequest request, Decision decision) {
    }

    SimulatorPage(SandboxWorkspace workspace) {
        super("simulator-page");
        this.workspace = workspace;
        principal.setLabel(t("sim.principal"));
        principal.setId("sim-principal");
        principal.setItemLabelGenerator(c -> CUSTOM.equals(c.kind()) ? t("sim.custom")
                : t("sim.kind." + c.kind()) + ": " + c.name());
        principal.addValueChangeListener(e -> policies.setVisible(e.getValue() != null && CUSTOM.equals(e.getValue().kind())));
        principal.setWidth("320px");
        policies.setLabel(t("sim.policies"));
        policies.setId("sim-policies");
        policies.setHelperText(t("sim.policies.help"));
        policies.setWidthFull();
        policies.setMaxHeight("240px");
        policies.addClassName("policy-text");
        policies.setValue("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", "
                + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/*\"}\n  ]\n}");
        actions.setLabel(t("sim.actions"));
        actions.setId("sim-actions");
        actions.setHelperText(t("sim.actions.help"));
        actions.setMinWidth("0");
        ComboBox<String> suggest = new ComboBox<>(t("sim.suggest"));
        suggest.setId("sim-suggest");
        suggest.setItems(query -> {
            String filter = query.getFilter().orElse("").toLowerCase(Locale.ROOT);
            return actionNames().stream().filter(a -> a.toLowerCase(Locale.ROOT).contains(filter))
                    .skip(query.getOffset()).limit(query.getLimit());
        });
        suggest.setWidth("320px");
        suggest.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                String now = actions.getValue().trim();
                actions.setValue(now.isEmpty() ? e.getValue() : now + ", " + e.getValue());
                suggest.clear();
            }
        });
        resources.setLabel(t("sim.resources"));
        resources.setId("sim-resources");
        resources.setHelperText(t("sim.resources.help"));
        resources.setValue("*");
        resources.setMinWidth("0");
        Button addKey = new Button(t("sim.add-context"), e -> addContextRow("", ""));
        addKey.setId("sim-add-context");
        addKey.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button run = new Button(t("sim.run"), e -> run());
        run.setId("sim-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        results.setId("sim-results");
        results.setAllRowsVisible(true);
        results.addColumn(Row::action).setHeader(t("sim.col.action")).setFlexGrow(2);
        results.addColumn(Row::resource).setHeader(t("sim.col.resource")).setFlexGrow(3);
        results.addComponentColumn(r -> {
            Span s = new Span(DecisionText.evalDecision(r.evalDecision()));
            s.addClassName("sim-decision");
            s.getElement().getThemeList().add("allowed".equals(r.evalDecision()) ? "badge success" : "badge error");
            return s;
        }).setHeader(t("sim.col.decision")).setKey("decision").setFlexGrow(1);
        results.setItemDetailsRenderer(new ComponentRenderer<>(r -> new EvaluationFlow(r.request(), r.decision())));
        results.setDetailsVisibleOnClick(true);

        HorizontalLayout top = new HorizontalLayout(principal, actions);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWidthFull();
        top.setFlexGrow(1, actions);
        HorizontalLayout second = new HorizontalLayout(suggest, resources);
        second.setAlignItems(FlexComponent.Alignment.BASELINE);
        second.setWidthFull();
        second.setFlexGrow(1, resources);
        root.add(new H3(t("sim.title")), top, principalsRefused, second, policies,
                new Span(t("sim.context")), contextRows, addKey, run,
                new H4(t("sim.results")), new Span(t("sim.results.help")), results);
        refresh();
    }

    private static synchronized List<String> actionNames() {
        if (actionNames == null) {
            ActionCatalog catalog = ActionCatalog.standard();
            actionNames = catalog.servicePrefixes().stream().flatMap(p -> catalog.actions(p).stream())
                    .map(ActionInfo::fullName).sorted().toList();
        }
        return actionNames;
    }

    private void addContextRow(String key, String value) {
        TextField k = new TextField(t("sim.context.key"));
        k.setValue(key);
        k.addClassName("sim-context-key");
        k.setPlaceholder(t("sim.context.key.placeholder"));
        TextField v = new TextField(t("sim.context.value"));
        v.setValue(value);
        v.addClassName("sim-context-value");
        TextField[] pair = {k, v};
        contextFields.add(pair);
        HorizontalLayout row = new HorizontalLayout(k, new Span("="), v);
        Button remove = new Button(t("sim.context.remove"), e -> {
            contextFields.remove(pair);
            contextRows.remove(row);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        row.add(remove);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        contextRows.add(row);
    }

    /** The principals to choose from: what ListUsers, ListGroups and ListRoles return to the acting identity. */
    @Override
    public void refresh() {
        Choice before = principal.getValue();
        principalsRefused.removeAll();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(CUSTOM, "", ""));
        for (String[] list : new String[][] {{"user", "ListUsers", "Users", "UserName"},
                {"group", "ListGroups", "Groups", "GroupName"}, {"role", "ListRoles", "Roles", "RoleName"}}) {
            CallResult r = workspace.call("iam", list[1], Params.of());
            if (r.succeeded()) {
                r.response().path(list[2]).forEach(e -> choices.add(new Choice(list[0], e.path(list[3]).asText(),
                        e.path("Arn").asText())));
            } else {
                principalsRefused.add(new ErrorNotice(r));
            }
        }
        principal.setItems(choices);
        principal.setValue(before != null && choices.contains(before) ? before : choices.get(0));
    }

    /** Splits "a, b c" into [a, b, c]. */
    static List<String> words(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Map<String, List<String>> context() {
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        for (TextField[] f : contextFields) {
            if (!f[0].getValue().isBlank()) {
                ctx.computeIfAbsent(f[0].getValue().trim(), k -> new ArrayList<>()).add(f[1].getValue().trim());
            }
        }
        return ctx;
    }

    /** Fills in one request for the principal with this ARN, runs it and opens its evaluation flow. */
    void play(String principalArn, String action, String resource, Map<String, List<String>> ctx) {
        principal.getListDataView().getItems().filter(c -> principalArn.equals(c.arn())).findFirst()
                .ifPresent(principal::setValue);
        actions.setValue(action);
        resources.setValue(resource == null ? "*" : resource);
        contextFields.clear();
        contextRows.removeAll();
        ctx.forEach((k, values) -> values.forEach(v -> addContextRow(k, v)));
        run();
        results.getListDataView().getItems().findFirst().ifPresent(r -> results.setDetailsVisible(r, true));
    }

    /** Fills in one request against pasted identity policies (custom mode), runs it and opens its evaluation. */
    void playCustom(String policyText, String action, String resource, Map<String, List<String>> ctx) {
        principal.getListDataView().getItems().filter(c -> CUSTOM.equals(c.kind())).findFirst()
                .ifPresent(principal::setValue);
        policies.setValue(policyText);
        policies.setVisible(true);
        play("", action, resource, ctx);
    }

    /** Runs the simulation with the form's values and shows the results. */
    void run() {
        List<String> actionList = words(actions.getValue());
        actions.setInvalid(actionList.isEmpty());
        actions.setErrorMessage(t("sim.actions.required"));
        if (actionList.isEmpty()) {
            return;
        }
        List<String> resourceList = words(resources.getValue());
        if (resourceList.isEmpty()) {
            resourceList = List.of("*");
        }
        Map<String, List<String>> ctx = context();
        Choice choice = principal.getValue();
        List<Row> rows = new ArrayList<>();
        if (CUSTOM.equals(choice.kind())) {
            List<CompiledPolicy> compiled = customPolicies();
            if (compiled == null) {
                return;
            }
            String caller = "arn:aws:iam::" + workspace.accountId() + ":user/SimulatedCaller";
            for (String action : actionList) {
                for (String resource : resourceList) {
                    AuthorizationRequest req = AuthorizationRequest.builder(caller, action)
                            .resource("*".equals(resource) ? null : resource).context(RequestContext.of(ctx))
                            .identity(compiled).build();
                    Decision d = authorizer.authorize(req);
                    rows.add(new Row(action, resource, EvaluationResults.evalDecision(d), req, d));
                }
            }
        } else {
            // The rows are the simulation's own: each result with the request and decision the engine made for it.
            CallResult r = workspace.call("iam", "SimulatePrincipalPolicy",
                    new Params(simulationRequest(choice.arn(), actionList, resourceList, ctx)));
            if (!CallFeedback.show(r, null)) {
                results.setItems(List.of());
                return;
            }
            List<PrincipalSimulation.Evaluation> evaluations = ((PrincipalSimulation.Evaluations) r.detail()).list();
            JsonNode json = r.response().path("EvaluationResults");
            for (int i = 0; i < evaluations.size(); i++) {
                PrincipalSimulation.Evaluation e = evaluations.get(i);
                rows.add(new Row(e.action(), e.resource(), json.path(i).path("EvalDecision").asText(), e.request(),
                        e.decision()));
            }
        }
        results.setItems(rows);
    }

    private List<CompiledPolicy> customPolicies() {
        List<CompiledPolicy> out = new ArrayList<>();
        String[] docs = policies.getValue().split("(?m)^\\s*---\\s*$");
        for (int i = 0; i < docs.length; i++) {
            if (docs[i].isBlank()) {
                continue;
            }
            try {
                out.add(CompiledPolicy.parse(docs[i], t("sim.policy-id", i + 1)));
            } catch (PolicyParseException e) {
                policies.setInvalid(true);
                policies.setErrorMessage(t("sim.policy-error", i + 1, e.line(), e.column(), e.reason()));
                return null;
            }
        }
        policies.setInvalid(out.isEmpty());
        policies.setErrorMessage(t("sim.policies.required"));
        return out.isEmpty() ? null : out;
    }

    private static ObjectNode simulationRequest(String arn, List<String> actionList, List<String> resourceList,
                                                Map<String, List<String>> ctx) {
        ObjectNode p = Sandbox.json().objectNode();
        p.put("PolicySourceArn", arn);
        ArrayNode a = p.putArray("ActionNames");
        actionList.forEach(a::add);
        ArrayNode r = p.putArray("ResourceArns");
        resourceList.forEach(r::add);
        ArrayNode entries = p.putArray("ContextEntries");
        ctx.forEach((k, v) -> {
            ObjectNode e = entries.addObject();
            e.put("ContextKeyName", k);
            v.forEach(e.putArray("ContextKeyValues")::add);
            e.put("ContextKeyType", "string");
        });
        return p;
    }
}
