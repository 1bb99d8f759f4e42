package org.iamdojo.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.iamdojo.ui.shell.MainLayout;

/**
 * Shown for unknown pages and for pages the visitor may not open (Vaadin reports refused views as "not
 * found", so it does not reveal which pages exist).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    /** Error page. */
    public NotFoundView() {
        addClassName("dojo-page");
        setId("not-found");
        H1 title = new H1(getTranslation("notfound.title"));
        Paragraph text = new Paragraph(getTranslation("notfound.text"));
        text.addClassName("dojo-muted");
        add(title, text, new RouterLink(getTranslation("notfound.home"), HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
