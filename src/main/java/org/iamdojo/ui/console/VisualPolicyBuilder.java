package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.iamdojo.iam.policy.ConditionOperator;
import org.iamdojo.iam.policy.catalog.AccessLevel;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;
import org.iamdojo.iam.policy.catalog.ActionResourceType;
import org.iamdojo.iam.policy.catalog.ConditionKeyInfo;
import org.iamdojo.iam.policy.catalog.ServiceInfo;

/**
 * The visual policy builder: effect, service, actions from the catalog grouped by access level, resource
 * ARNs and an optional condition; "Add statement" hands one statement to the editor, which writes the JSON.
 */
final class VisualPolicyBuilder extends Dialog {
    /** Every condition operator, in the order of AWS's reference page. */
    private static final List<String> OPERATORS = Arrays.stream(ConditionOperator.values())
            .map(ConditionOperator::awsName).toList();
    private static final List<String> GLOBAL_KEYS = List.of("aws:MultiFactorAuthPresent", "aws:SourceIp",
            "aws:PrincipalTag/${TagKey}", "aws:RequestedRegion", "aws:SecureTransport", "aws:CurrentTime",
            "aws:PrincipalArn", "aws:ResourceTag/${TagKey}", "aws:SourceVpce", "aws:PrincipalOrgID");

    private final Select<String> effect = new Select<>();
    private final ComboBox<ServiceInfo> service = new ComboBox<>();
    private final Checkbox allActions = new Checkbox();
    private final Div actionGroups = new Div();
    private final List<CheckboxGroup<ActionInfo>> groups = new ArrayList<>();
    private final TextArea resources = new TextArea();
    private final Select<String> operator = new Select<>();
    private final ComboBox<String> conditionKey = new ComboBox<>();
    private final TextField conditionValue = new TextField();

    VisualPolicyBuilder(Consumer<ObjectNode> onStatement) {
        setHeaderTitle(t("builder.title"));
        setId("policy-builder");
        setWidth("min(760px, 96vw)");
        effect.setLabel(t("builder.effect"));
        effect.setItems("Allow", "Deny");
        effect.setValue("Allow");
        effect.setId("builder-effect");
        service.setLabel(t("builder.service"));
        service.setId("builder-service");
        service.setItems(ActionCatalog.standard().services());
        service.setItemLabelGenerator(s -> s.prefix() + " \u2014 " + s.name());
        service.setWidth("420px");
        service.addValueChangeListener(e -> showActions(e.getValue()));
        allActions.setLabel(t("builder.all-actions"));
        allActions.setId("builder-all-actions");
        allActions.addValueChangeListener(e -> groups.forEach(g -> g.setEnabled(!e.getValue())));
        actionGroups.addClassName("builder-actions");
        resources.setLabel(t("builder.resources"));
        resources.setId("builder-resources");
        resources.setValue("*");
        resources.setWidthFull();
        resources.setHelperText(t("builder.resources.help"));
        operator.setLabel(t("builder.condition.operator"));
        operator.setItems(OPERATORS);
        operator.setEmptySelectionAllowed(true);
        operator.setId("builder-operator");
        conditionKey.setLabel(t("builder.condition.key"));
        conditionKey.setAllowCustomValue(true);
        conditionKey.addCustomValueSetListener(e -> conditionKey.setValue(e.getDetail()));
        conditionKey.setItems(GLOBAL_KEYS);
        conditionKey.setId("builder-condition-key");
        conditionKey.setWidth("280px");
        conditionValue.setLabel(t("builder.condition.value"));
        conditionValue.setId("builder-condition-value");
        HorizontalLayout top = new HorizontalLayout(effect, service);
        top.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        HorizontalLayout condition = new HorizontalLayout(operator, conditionKey, conditionValue);
        condition.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(top, allActions, actionGroups, resources, new Paragraph(t("builder.condition")), condition);

        Button add = new Button(t("builder.add"), e -> {
            ObjectNode statement = statement();
            if (statement != null) {
                onStatement.accept(statement);
                close();
            }
        });
        add.setId("builder-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(t("iam.cancel"), e -> close()), add);
    }

    private void showActions(ServiceInfo s) {
        actionGroups.removeAll();
        groups.clear();
        if (s == null) {
            return;
        }
        List<String> keys = new ArrayList<>(GLOBAL_KEYS);
        s.conditionKeys().stream().map(ConditionKeyInfo::name).forEach(keys::add);
        conditionKey.setItems(keys);
        for (Map.Entry<AccessLevel, List<ActionInfo>> level : s.actionsByAccessLevel().entrySet()) {
            CheckboxGroup<ActionInfo> group = new CheckboxGroup<>();
            group.setLabel(t("builder.level." + level.getKey().name()));
            group.setItems(level.getValue());
            group.setItemLabelGenerator(ActionInfo::name);
            group.addClassName("builder-level");
            group.addValueChangeListener(e -> suggestArns(s));
            groups.add(group);
            Details d = new Details(t("builder.level.count", t("builder.level." + level.getKey().name()),
                    level.getValue().size()), group);
            d.addClassName("builder-level-details");
            actionGroups.add(d);
        }
    }

    /** Shows the ARN formats of the chosen actions' resource types, so the learner knows what to type. */
    private void suggestArns(ServiceInfo s) {
        Set<String> formats = new LinkedHashSet<>();
        for (CheckboxGroup<ActionInfo> g : groups) {
            for (ActionInfo a : g.getValue()) {
                for (ActionResourceType rt : a.resourceTypes()) {
                    s.resourceType(rt.name()).ifPresent(info -> formats.add(info.arnFormat()));
                }
            }
        }
        resources.setHelperText(formats.isEmpty() ? t("builder.resources.help")
                : t("builder.resources.formats", String.join("  ", formats)));
    }

    private ObjectNode statement() {
        ServiceInfo s = service.getValue();
        if (s == null) {
            service.setInvalid(true);
            service.setErrorMessage(t("builder.service.required"));
            return null;
        }
        List<String> actions = new ArrayList<>();
        if (allActions.getValue()) {
            actions.add(s.prefix() + ":*");
        } else {
            groups.forEach(g -> g.getValue().forEach(a -> actions.add(a.fullName())));
        }
        if (actions.isEmpty()) {
            service.setInvalid(true);
            service.setErrorMessage(t("builder.actions.required"));
            return null;
        }
        ObjectNode st = PolicyJson.MAPPER.createObjectNode();
        st.put("Effect", effect.getValue());
        putOneOrMany(st, "Action", actions);
        List<String> arns = resources.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        putOneOrMany(st, "Resource", arns.isEmpty() ? List.of("*") : arns);
        String op = operator.getValue();
        String key = conditionKey.getValue();
        if (op != null && !op.isEmpty() && key != null && !key.isBlank()) {
            st.putObject("Condition").putObject(op).put(key, conditionValue.getValue().strip());
        }
        return st;
    }

    private static void putOneOrMany(ObjectNode st, String field, List<String> values) {
        if (values.size() == 1) {
            st.put(field, values.get(0));
        } else {
            ArrayNode a = st.putArray(field);
            values.forEach(a::add);
        }
    }
}
