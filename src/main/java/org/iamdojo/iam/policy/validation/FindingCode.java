package org.iamdojo.iam.policy.validation;

import static org.iamdojo.iam.policy.validation.Severity.ERROR;
import static org.iamdojo.iam.policy.validation.Severity.SECURITY_WARNING;
import static org.iamdojo.iam.policy.validation.Severity.SUGGESTION;
import static org.iamdojo.iam.policy.validation.Severity.WARNING;

import java.util.Locale;

/**
 * Every message the validator can report: the issue code IAM Access Analyzer uses for it (several messages
 * share one, e.g. DATA_TYPE_MISMATCH), its severity and the key of its text. The texts live in
 * {@code vaadin-i18n/translations*.properties} under {@link #messageKey()}, English and Korean, as
 * {@link java.text.MessageFormat} patterns over the finding's arguments; an argument listed as a term is a
 * word of ours (a JSON type, a kind of policy, a quota) whose text is under {@code validator.term.<argument>}.
 */
public enum FindingCode {
    /** {0} line, {1} column, {2} the JSON parser's own (English) description. */
    JSON_SYNTAX_ERROR("JSON_SYNTAX_ERROR", ERROR),
    /** {0} line, {1} column. */
    EMPTY_DOCUMENT("JSON_SYNTAX_ERROR", ERROR),
    /** {0} line, {1} column. */
    CONTENT_AFTER_DOCUMENT("JSON_SYNTAX_ERROR", ERROR),
    /** {0} the repeated top-level element. */
    DUPLICATE_POLICY_ELEMENT("JSON_SYNTAX_ERROR", ERROR),
    /** {0} the repeated statement element. */
    DUPLICATE_STATEMENT_ELEMENT("JSON_SYNTAX_ERROR", ERROR),
    /** {0} the repeated key, {1} the element holding it (Principal, Condition…). */
    DUPLICATE_KEY("JSON_SYNTAX_ERROR", ERROR),
    /** {0} the repeated condition key, {1} its operator. */
    DUPLICATE_CONDITION_KEY("JSON_SYNTAX_ERROR", ERROR),
    /** {0} size, {1} maximum, {2} term: which quota. */
    POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", ERROR, 2),
    /** {0} size, {1} maximum, {2} term: which quota. */
    POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA("POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA", ERROR, 2),

    /** {0} term: the JSON type found. */
    DOCUMENT_NOT_OBJECT("DATA_TYPE_MISMATCH", ERROR, 0),
    /** {0} the unknown element. */
    UNKNOWN_POLICY_ELEMENT("INVALID_POLICY_ELEMENT", ERROR),
    /** {0} the element as written, {1} its proper spelling. */
    MISCASED_POLICY_ELEMENT("INVALID_POLICY_ELEMENT", ERROR),
    MISSING_VERSION("MISSING_VERSION", WARNING),
    VERSION_NOT_STRING("DATA_TYPE_MISMATCH", ERROR),
    /** {0} the version given. */
    INVALID_VERSION("INVALID_VERSION", ERROR),
    ID_NOT_STRING("DATA_TYPE_MISMATCH", ERROR),
    MISSING_STATEMENT("MISSING_STATEMENT", ERROR),
    EMPTY_STATEMENT_ARRAY("MISSING_STATEMENT", ERROR),
    /** {0} term: the JSON type found. */
    STATEMENT_NOT_OBJECT("DATA_TYPE_MISMATCH", ERROR, 0),
    STATEMENT_ELEMENT_NOT_OBJECT_OR_ARRAY("DATA_TYPE_MISMATCH", ERROR),

    /** {0} the unknown element. */
    UNKNOWN_STATEMENT_ELEMENT("INVALID_POLICY_ELEMENT", ERROR),
    /** {0} the element as written, {1} its proper spelling. */
    MISCASED_STATEMENT_ELEMENT("INVALID_POLICY_ELEMENT", ERROR),
    /** {0} Resource or NotResource. */
    RESOURCE_IN_TRUST_POLICY("INVALID_POLICY_ELEMENT", ERROR),
    /** {0} and {1} the two elements. */
    UNSUPPORTED_ELEMENT_COMBINATION("UNSUPPORTED_ELEMENT_COMBINATION", ERROR),
    SID_NOT_STRING("DATA_TYPE_MISMATCH", ERROR),
    UNSUPPORTED_SID("UNSUPPORTED_SID", ERROR),
    /** {0} the Sid. */
    UNIQUE_SIDS_REQUIRED("UNIQUE_SIDS_REQUIRED", ERROR),

    MISSING_EFFECT("MISSING_EFFECT", ERROR),
    EFFECT_NOT_STRING("DATA_TYPE_MISMATCH", ERROR),
    /** {0} the effect given. */
    INVALID_EFFECT("INVALID_EFFECT", ERROR),
    /** {0} the effect given, which differs from Allow or Deny only in case. */
    INVALID_EFFECT_CASE("INVALID_EFFECT", ERROR),

    /** {0} Principal or NotPrincipal. */
    UNSUPPORTED_PRINCIPAL("UNSUPPORTED_PRINCIPAL", ERROR),
    /** {0} Principal or NotPrincipal. */
    SCP_SYNTAX_ERROR_PRINCIPAL("SCP_SYNTAX_ERROR_PRINCIPAL", ERROR),
    /** {0} term: the kind of policy. */
    MISSING_PRINCIPAL("MISSING_PRINCIPAL", ERROR, 0),
    ALLOW_WITH_NOT_PRINCIPAL("ALLOW_WITH_NOT_PRINCIPAL", SECURITY_WARNING),
    /** {0} the string given. */
    INVALID_PRINCIPAL_STRING("INVALID_PRINCIPAL_FORMAT", ERROR),
    PRINCIPAL_NOT_STAR_OR_OBJECT("DATA_TYPE_MISMATCH", ERROR),
    /** {0} the key given. */
    INVALID_PRINCIPAL_KEY("INVALID_PRINCIPAL_KEY", ERROR),
    /** {0} the AWS principal given. */
    INVALID_AWS_PRINCIPAL("INVALID_PRINCIPAL_FORMAT", ERROR),
    /** {0} the service principal given. */
    INVALID_SERVICE_PRINCIPAL_FORMAT("INVALID_SERVICE_PRINCIPAL_FORMAT", ERROR),

    MISSING_ACTION("MISSING_ACTION", ERROR),
    /** {0} the action given. */
    INVALID_ACTION_FORMAT("INVALID_ACTION", ERROR),
    /** {0} the service prefix. */
    INVALID_SERVICE_IN_ACTION("INVALID_SERVICE_IN_ACTION", ERROR),
    /** {0} the action pattern, {1} its service. */
    ACTION_MATCHES_NOTHING("INVALID_ACTION", ERROR),
    /** {0} the action. */
    UNKNOWN_ACTION("INVALID_ACTION", ERROR),
    /** {0} Action or NotAction. */
    EMPTY_ARRAY_ACTION("EMPTY_ARRAY_ACTION", SUGGESTION),

    MISSING_RESOURCE("MISSING_RESOURCE", ERROR),
    /** {0} Resource or NotResource. */
    EMPTY_ARRAY_RESOURCE("EMPTY_ARRAY_RESOURCE", SUGGESTION),
    /** {0} the resource. */
    INVALID_ARN_PREFIX("INVALID_ARN_PREFIX", ERROR),
    /** {0} the ARN. */
    ARN_MISSING_FIELDS("MISSING_ARN_FIELD", ERROR),
    /** {0} the ARN's service. */
    INVALID_PARTITION("INVALID_PARTITION", ERROR),
    /** {0} the ARN. */
    ARN_MISSING_SERVICE("MISSING_ARN_FIELD", ERROR),
    /** {0} the ARN's service. */
    INVALID_ARN_SERVICE_CASE("INVALID_ARN_SERVICE_CASE", ERROR),
    /** {0} the ARN's service. */
    INVALID_SERVICE("INVALID_SERVICE", ERROR),
    /** {0} the Region. */
    INVALID_ARN_REGION("INVALID_ARN_REGION", ERROR),
    /** {0} the service. */
    ARN_REGION_NOT_ALLOWED("ARN_REGION_NOT_ALLOWED", ERROR),
    /** {0} the account ID. */
    INVALID_ARN_ACCOUNT("INVALID_ARN_ACCOUNT", ERROR),
    /** {0} the service. */
    ARN_ACCOUNT_NOT_ALLOWED("ARN_ACCOUNT_NOT_ALLOWED", ERROR),
    /** {0} the ARN. */
    ARN_MISSING_RESOURCE("MISSING_ARN_FIELD", ERROR),

    CONDITION_NOT_OBJECT("DATA_TYPE_MISMATCH", ERROR),
    /** {0} the operator. */
    OPERATOR_NOT_OBJECT("DATA_TYPE_MISMATCH", ERROR),
    /** {0} the key, {1} the earlier spelling of it. */
    DUPLICATE_KEYS_WITH_DIFFERENT_CASE("DUPLICATE_KEYS_WITH_DIFFERENT_CASE", ERROR),
    /** {0} the operator. */
    INVALID_CONDITION_OPERATOR("INVALID_CONDITION_OPERATOR", ERROR),
    NULL_WITH_IF_EXISTS("NULL_WITH_IF_EXISTS", ERROR),
    /** {0} the key. */
    INVALID_CONDITION_KEY_FORMAT("INVALID_CONDITION_KEY_FORMAT", ERROR),
    /** {0} the key, {1} its service prefix. */
    INVALID_SERVICE_CONDITION_KEY("INVALID_SERVICE_CONDITION_KEY", ERROR),
    /** {0} the key. */
    CONDITION_VALUE_NOT_SCALAR("DATA_TYPE_MISMATCH", ERROR),
    /** {0} the value holding a variable. */
    VARIABLE_UNSUPPORTED_IN_VERSION("VARIABLE_UNSUPPORTED_IN_VERSION", WARNING),
    /** {0} the value holding the variable. */
    MISSING_BRACE_IN_VARIABLE("MISSING_BRACE_IN_VARIABLE", ERROR),

    /** {0} the element, {1} term: the JSON type found. */
    VALUE_NOT_STRING("DATA_TYPE_MISMATCH", ERROR, 1),
    /** {0} the element, {1} term: the JSON type found. */
    ELEMENT_NOT_STRINGS("DATA_TYPE_MISMATCH", ERROR, 1),

    ALLOW_WITH_NOT_ACTION("ALLOW_WITH_NOT_ACTION", SECURITY_WARNING),
    ALLOW_WITH_NOT_RESOURCE("ALLOW_WITH_NOT_RESOURCE", SECURITY_WARNING),
    ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES("ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES", SECURITY_WARNING),
    PASS_ROLE_WITH_STAR_IN_RESOURCE("PASS_ROLE_WITH_STAR_IN_RESOURCE", SECURITY_WARNING),
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", SECURITY_WARNING);

    private final String issueCode;
    private final Severity severity;
    private final int[] termArguments;

    FindingCode(String issueCode, Severity severity, int... termArguments) {
        this.issueCode = issueCode;
        this.severity = severity;
        this.termArguments = termArguments;
    }

    /** The issue code as IAM Access Analyzer reports it (ValidatePolicyFinding.issueCode). */
    public String issueCode() {
        return issueCode;
    }

    /** How serious a finding of this code is. */
    public Severity severity() {
        return severity;
    }

    /** The translation key of the message, e.g. {@code validator.invalid-effect}. */
    public String messageKey() {
        return "validator." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether argument {@code index} is a term, shown as the text of {@link #termKey(String)}. */
    public boolean isTerm(int index) {
        for (int t : termArguments) {
            if (t == index) {
                return true;
            }
        }
        return false;
    }

    /** The translation key of a term argument, e.g. {@code validator.term.array}. */
    public static String termKey(String term) {
        return "validator.term." + term;
    }
}
