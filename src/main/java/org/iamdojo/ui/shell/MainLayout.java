package org.iamdojo.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.iamdojo.ui.i18n.LocaleInitListener;
import org.iamdojo.ui.i18n.TranslationProvider;

/**
 * The frame around every view: brand, language switcher and the sign-in / sign-up / sign-out actions in the
 * banner, the view itself in the page's one {@code main} landmark.
 */
@AnonymousAllowed
public class MainLayout extends AppLayout {
    /** Id of the main landmark that holds the current view. */
    public static final String MAIN_ID = "main-content";

    // AppLayout's own content slot is a plain div: the view goes into a <main> so assistive technology can jump to it.
    private final Main main = new Main();

    /** The view registered at {@code path} (one of {@link Routes}); the layout links by path, not by view class. */
    private static Class<? extends Component> view(String path) {
        return RouteConfiguration.forApplicationScope().getRoute(path)
                .orElseThrow(() -> new IllegalStateException("No view is registered at '" + path + "'"));
    }

    /** A header link with id nav-{name} and the text of nav.{name}, to the view at {@code path}. */
    private RouterLink navLink(String name, String path) {
        RouterLink link = new RouterLink(getTranslation("nav." + name), view(path));
        link.setId("nav-" + name);
        link.addClassName("dojo-nav-link");
        return link;
    }

    /** Layout whose header reflects who is signed in. */
    public MainLayout(AuthenticationContext authentication) {
        Header header = new Header();
        header.addClassName("dojo-header");

        RouterLink brand = new RouterLink("", view(Routes.HOME));
        brand.addClassName("dojo-brand");
        Span mark = new Span(getTranslation("app.mark"));
        mark.addClassName("dojo-brand-mark");
        brand.add(mark, new Span(getTranslation("app.name")));

        Div actions = new Div();
        actions.addClassName("dojo-header-actions");
        actions.add(languageSwitcher());

        if (authentication.isAuthenticated()) {
            actions.add(navLink("scenarios", Routes.SCENARIOS), navLink("console", Routes.CONSOLE),
                    navLink("practice", Routes.PRACTICE), navLink("history", Routes.HISTORY),
                    navLink("join", Routes.JOIN));
            if (authentication.hasRole("INSTRUCTOR") || authentication.hasRole("ADMIN")) {
                actions.add(navLink("workshops", Routes.WORKSHOPS));
            }
            if (authentication.hasRole("ADMIN")) {
                actions.add(navLink("admin", Routes.ADMIN));
            }
            Span who = new Span(authentication.getPrincipalName().orElse(""));
            who.setId("signed-in-user");
            who.addClassName("dojo-user");
            Button signOut = new Button(getTranslation("nav.sign-out"), e -> authentication.logout());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(who, signOut);
        } else {
            Button signIn = new Button(getTranslation("nav.sign-in"), e -> UI.getCurrent().navigate(Routes.LOGIN));
            signIn.setId("nav-sign-in");
            signIn.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button signUp = new Button(getTranslation("nav.sign-up"), e -> UI.getCurrent().navigate(Routes.SIGN_UP));
            signUp.setId("nav-sign-up");
            signUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(signIn, signUp);
        }
        header.add(brand, actions);
        addToNavbar(true, header);
        main.setId(MAIN_ID);
        main.addClassName("dojo-main");
        setContent(main);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
        afterNavigation();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // Vaadin's connection indicator (added to <body> by the client) tells whether the server is reachable: a
        // status message, so screen readers hear "connection lost", and in the page's language.
        event.getUI().getPage().executeJs("const indicator = window.Vaadin && window.Vaadin.connectionIndicator;"
                        + "if (indicator) { indicator.setAttribute('role', 'status');"
                        + " indicator.onlineText = $0; indicator.offlineText = $1; indicator.reconnectingText = $2; }",
                getTranslation("connection.online"), getTranslation("connection.offline"),
                getTranslation("connection.reconnecting"));
    }

    private Select<Locale> languageSwitcher() {
        Select<Locale> language = new Select<>();
        language.setId("language");
        language.addClassName("dojo-language");
        language.setItems(TranslationProvider.ENGLISH, TranslationProvider.KOREAN);
        language.setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        language.setAriaLabel(getTranslation("language.label"));
        boolean korean = TranslationProvider.KOREAN.getLanguage().equals(getLocale().getLanguage());
        language.setValue(korean ? TranslationProvider.KOREAN : TranslationProvider.ENGLISH);
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LocaleInitListener.choose(VaadinSession.getCurrent(), e.getValue());
                // A fresh page renders every text in the new language, including this header.
                UI.getCurrent().getPage().reload();
            }
        });
        return language;
    }
}
