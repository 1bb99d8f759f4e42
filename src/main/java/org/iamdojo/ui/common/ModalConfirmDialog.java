package org.iamdojo.ui.common;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * A confirm dialog that says it is modal: Vaadin hides the page behind it from assistive technology
 * (aria-hidden) but gives its alertdialog no aria-modal, so a screen reader, and axe, cannot tell the page is
 * out of reach while it is open.
 */
public class ModalConfirmDialog extends ConfirmDialog {

    /** An empty confirm dialog, as {@link ConfirmDialog#ConfirmDialog()}. */
    public ModalConfirmDialog() {
        getElement().executeJs("if (this._overlayElement) { this._overlayElement.setAttribute('aria-modal', 'true'); }");
    }
}
