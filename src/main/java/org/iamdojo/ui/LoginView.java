package org.iamdojo.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * Sign-in form, posted to Spring Security. Any failure (wrong password, unknown name, locked or disabled
 * account) shows the same message, so it reveals neither which part was wrong nor whether the name exists.
 */
@Route(value = "login", layout = MainLayout.class)
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    /** Sign-in page. */
    public LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("dojo-auth");

        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        notice.addClassName("dojo-notice");
        notice.setId("login-notice");
        notice.setVisible(false);

        Div card = new Div();
        card.addClassName("dojo-auth-card");
        Paragraph toSignUp = new Paragraph(getTranslation("login.no-account"));
        toSignUp.addClassName("dojo-auth-switch");
        RouterLink signUp = new RouterLink(getTranslation("login.to-sign-up"), SignUpView.class);
        signUp.setId("to-sign-up");
        toSignUp.add(new Text(" "), signUp);
        card.add(notice, form, toSignUp);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo(HomeView.class);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        if (parameters.containsKey("signed-up")) {
            notice.setText(getTranslation("login.signed-up"));
            notice.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
