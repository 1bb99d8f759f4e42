package org.iamdojo.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.training.attempt.AttemptRecord;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.AttemptStatus;
import org.iamdojo.ui.learn.CatalogView;
import org.iamdojo.ui.learn.PlayerView;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/** The landing page: what IAM Dojo is, and the way in. */
@Route(value = Routes.HOME, layout = MainLayout.class)
@AnonymousAllowed
public class HomeView extends Div implements HasDynamicTitle {

    /** Landing page; the calls to action depend on whether someone is signed in. */
    public HomeView(AuthenticationContext authentication, AttemptService attempts, ScenarioCatalog scenarios) {
        addClassName("dojo-home");

        Section hero = new Section();
        hero.addClassName("dojo-hero");
        Span eyebrow = new Span(getTranslation("home.eyebrow"));
        eyebrow.addClassName("dojo-eyebrow");
        H1 title = new H1(getTranslation("home.title"));
        title.setId("home-title");
        Paragraph lead = new Paragraph(getTranslation("home.lead"));
        lead.addClassName("dojo-lead");
        Div cta = new Div();
        cta.addClassName("dojo-cta");
        if (authentication.isAuthenticated()) {
            String name = authentication.getPrincipalName().orElse("");
            List<AttemptRecord> mine = history(attempts, name);
            // Newest first: the self-paced attempt still in progress is where the learner left off.
            Optional<Scenario> open = mine.stream()
                    .filter(r -> r.workshopId() == null && r.status() == AttemptStatus.IN_PROGRESS)
                    .map(r -> scenarios.scenario(r.scenarioId())).flatMap(Optional::stream).findFirst();
            String key = open.isPresent() ? "home.welcome-back" : mine.isEmpty() ? "home.welcome-new" : "home.welcome-again";
            Paragraph welcome = new Paragraph(getTranslation(key, name));
            welcome.addClassName("dojo-welcome");
            welcome.setId("home-welcome");
            Button go = open.map(s -> new Button(getTranslation("home.cta.continue", s.title().in(getLocale())),
                            e -> UI.getCurrent().navigate(PlayerView.class, s.id())))
                    .orElseGet(() -> new Button(getTranslation(mine.isEmpty() ? "home.cta.first-scenario"
                            : "home.cta.scenarios"), e -> UI.getCurrent().navigate(CatalogView.class)));
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            go.setId("home-continue");
            cta.add(welcome, go);
        } else {
            Button start = new Button(getTranslation("home.cta.start"), e -> UI.getCurrent().navigate(SignUpView.class));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            start.setId("cta-sign-up");
            Button signIn = new Button(getTranslation("home.cta.sign-in"), e -> UI.getCurrent().navigate(LoginView.class));
            signIn.addThemeVariants(ButtonVariant.LUMO_LARGE);
            cta.add(start, signIn);
        }
        hero.add(eyebrow, title, lead, cta);

        Div features = new Div();
        features.addClassName("dojo-features");
        features.add(feature("lessons", "01"), feature("workshops", "02"), feature("certification", "03"));

        add(hero, features);
    }

    // A signed-in name without a member record (an account removed meanwhile) is treated as new.
    private static List<AttemptRecord> history(AttemptService attempts, String name) {
        try {
            return attempts.history(name);
        } catch (AttemptService.NotFoundException e) {
            return List.of();
        }
    }

    private Div feature(String key, String number) {
        Div card = new Div();
        card.addClassName("dojo-card");
        Span badge = new Span(number);
        badge.addClassName("dojo-card-number");
        H2 heading = new H2(getTranslation("home.feature." + key + ".title"));
        Paragraph text = new Paragraph(getTranslation("home.feature." + key + ".text"));
        card.add(badge, heading, text);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.page-title");
    }
}
