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
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Duration;
import java.time.Instant;
import org.iamdojo.training.member.SignInThrottledException;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in form, posted to Spring Security. Any failure (wrong password, unknown name, disabled account) shows the
 * same message, so it reveals neither which part was wrong nor whether the name exists; after repeated failures
 * it says how long to wait (the same for names that exist and names that do not).
 */
@Route(value = Routes.LOGIN, layout = MainLayout.class)
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final LoginI18n i18n = LoginI18n.createDefault();

    /** Sign-in page. */
    public LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("dojo-auth");

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
        boolean failed = parameters.containsKey("error");
        if (failed) {
            long seconds = secondsToWait();
            i18n.getErrorMessage().setMessage(seconds > 0 ? getTranslation("login.error.wait", seconds)
                    : getTranslation("login.error.message"));
            form.setI18n(i18n);
        }
        form.setError(failed);
        if (parameters.containsKey("signed-up")) {
            notice.setText(getTranslation("login.signed-up"));
            notice.setVisible(true);
        }
    }

    // Spring Security keeps the last sign-in failure in the session for the page it redirects to.
    private static long secondsToWait() {
        VaadinSession session = VaadinSession.getCurrent();
        Object last = session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof SignInThrottledException wait) {
            long millis = Duration.between(Instant.now(), wait.retryAt()).toMillis();
            return millis <= 0 ? 0 : (millis + 999) / 1000;
        }
        return 0;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
