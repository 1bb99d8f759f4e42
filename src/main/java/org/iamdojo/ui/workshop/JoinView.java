package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/**
 * Joining a workshop with its code: /join shows a code field, /join/CODE joins at once. Signed-in members only:
 * an anonymous visitor is sent to sign in (or sign up from there) and comes back to this address afterwards.
 */
@Route(value = Routes.JOIN, layout = MainLayout.class)
@PermitAll
public class JoinView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private final WorkshopService workshops;
    private final String me;
    private final TextField code = new TextField();

    public JoinView(WorkshopService workshops, AuthenticationContext authentication) {
        this.workshops = workshops;
        this.me = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "workshop-join");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String joinCode) {
        if (joinCode != null && !joinCode.isBlank() && tryJoin(joinCode, event)) {
            return;
        }
        build(joinCode);
    }

    private boolean tryJoin(String joinCode, BeforeEvent event) {
        try {
            Workshop w = workshops.join(joinCode, me);
            event.forwardTo(LearnerWorkshopView.class, w.id());
            return true;
        } catch (AttemptService.NotFoundException e) {
            build(joinCode);
            showError("join.error.unknown");
        } catch (WorkshopService.InvalidWorkshopException e) {
            build(joinCode);
            showError(e.messageKey());
        }
        return false;
    }

    private void build(String initial) {
        if (getComponentCount() > 0) {
            return;
        }
        H1 title = new H1(getTranslation("join.title"));
        Paragraph intro = new Paragraph(getTranslation("join.intro"));
        intro.addClassName("dojo-muted");
        code.setId("join-code-field");
        code.setLabel(getTranslation("join.code"));
        code.setHelperText(getTranslation("join.code.help"));
        code.setMaxLength(12);
        code.addClassName("join-code-field");
        if (initial != null) {
            code.setValue(initial);
        }
        Button join = new Button(getTranslation("join.submit"), e -> submit());
        join.setId("join-submit");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickShortcut(Key.ENTER);
        Div card = new Div(title, intro, code, join);
        card.addClassNames("dojo-auth-card", "dojo-form");
        add(card);

        var mine = workshops.joined(me);
        if (!mine.isEmpty()) {
            Div joined = new Div(new H2(getTranslation("join.mine")));
            joined.setId("joined-workshops");
            joined.addClassName("dojo-auth-card");
            UnorderedList list = new UnorderedList();
            for (Workshop w : mine) {
                RouterLink link = new RouterLink(w.title(), LearnerWorkshopView.class, w.id());
                list.add(new ListItem(link));
            }
            joined.add(list);
            add(joined);
        }
    }

    private void submit() {
        try {
            Workshop w = workshops.join(code.getValue(), me);
            UI.getCurrent().navigate(LearnerWorkshopView.class, w.id());
        } catch (AttemptService.NotFoundException e) {
            showError("join.error.unknown");
        } catch (WorkshopService.InvalidWorkshopException e) {
            showError(e.messageKey());
        }
    }

    private void showError(String key) {
        code.setErrorMessage(getTranslation(key));
        code.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("join.page-title");
    }
}
