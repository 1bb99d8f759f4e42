package org.iamdojo.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iamdojo.training.member.CredentialRules;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.member.SignUpProblem;
import org.iamdojo.training.member.SignUpRejectedException;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/** Sign-up for a LEARNER account; every broken rule is shown on its field. */
@Route(value = Routes.SIGN_UP, layout = MainLayout.class)
@AnonymousAllowed
public class SignUpView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final String CONFIRM = "confirm";

    private final MemberService memberService;
    private final AuthenticationContext authentication;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    /** Sign-up page. */
    public SignUpView(MemberService memberService, AuthenticationContext authentication) {
        this.memberService = memberService;
        this.authentication = authentication;
        addClassName("dojo-auth");

        H1 title = new H1(getTranslation("signup.title"));
        Paragraph intro = new Paragraph(getTranslation("signup.intro"));
        intro.addClassName("dojo-muted");

        username.setId("signup-username");
        username.setLabel(getTranslation("signup.username"));
        username.setHelperText(getTranslation("signup.username.help"));
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setWidthFull();

        password.setId("signup-password");
        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.password.help", CredentialRules.MIN_PASSWORD_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setWidthFull();

        confirm.setId("signup-confirm");
        confirm.setLabel(getTranslation("signup.confirm"));
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setWidthFull();

        Button submit = new Button(getTranslation("signup.submit"), e -> submit());
        submit.setId("signup-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.setWidthFull();

        Paragraph toLogin = new Paragraph(getTranslation("signup.have-account"));
        toLogin.addClassName("dojo-auth-switch");
        toLogin.add(new Text(" "), new RouterLink(getTranslation("signup.to-sign-in"), LoginView.class));

        Div card = new Div(title, intro, username, password, confirm, submit, toLogin);
        card.addClassNames("dojo-auth-card", "dojo-form");
        add(card);
    }

    private void submit() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
        List<SignUpProblem> problems = new ArrayList<>(
                memberService.checkSignUpFrom(address, username.getValue(), password.getValue()));
        if (!password.getValue().equals(confirm.getValue())) {
            problems.add(new SignUpProblem(CONFIRM, "signup.error.confirm"));
        }
        if (problems.isEmpty()) {
            try {
                memberService.signUp(username.getValue(), password.getValue());
                UI.getCurrent().navigate(LoginView.class, QueryParameters.of("signed-up", "1"));
                return;
            } catch (SignUpRejectedException raced) {
                problems = raced.problems();
            }
        }
        show(problems);
    }

    // Shows the first problem of each field on that field and clears the others.
    private void show(List<SignUpProblem> problems) {
        Map<String, HasValidation> fields = Map.of(SignUpProblem.USERNAME, username, SignUpProblem.PASSWORD, password,
                CONFIRM, confirm);
        fields.values().forEach(field -> field.setInvalid(false));
        for (SignUpProblem problem : problems) {
            HasValidation field = fields.get(problem.field());
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(getTranslation(problem.messageKey()));
                field.setInvalid(true);
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo(HomeView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.page-title");
    }
}
