package org.iamdojo.training.member;

/**
 * One reason a sign-up was refused: the form field it belongs to and a translation key for the message.
 *
 * @param field        {@code "username"} or {@code "password"}
 * @param messageKey   key in vaadin-i18n/translations*.properties
 */
public record SignUpProblem(String field, String messageKey) {

    /** Field name of the username input. */
    public static final String USERNAME = "username";
    /** Field name of the password input. */
    public static final String PASSWORD = "password";
}
