package org.iamdojo.iam.access;

/**
 * The privilege-escalation techniques the map looks for, each with a public write-up: Rhino Security Labs, "AWS
 * IAM Privilege Escalation – Methods and Mitigation" (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/)
 * and Datadog's pathfinding.cloud catalogue (https://pathfinding.cloud/).
 */
public enum Technique {
    /** Rhino method 1: write a new default version of a customer managed policy attached to oneself. */
    CREATE_POLICY_VERSION("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 8: attach any managed policy (AdministratorAccess) to oneself. */
    ATTACH_USER_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 11: write an inline policy on oneself. */
    PUT_USER_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 9: attach a policy to a group one is in. */
    ATTACH_GROUP_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 12: write an inline policy on a group one is in. */
    PUT_GROUP_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 10: attach a policy to a role one is or can assume. */
    ATTACH_ROLE_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 13: write an inline policy on a role one is or can assume. */
    PUT_ROLE_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 3: pass a stronger role to a new EC2 instance and use its credentials. */
    PASS_ROLE_EC2("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 14: rewrite a stronger role's trust policy to let oneself assume it. */
    UPDATE_ASSUME_ROLE_POLICY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 4: create an access key for a stronger user. */
    CREATE_ACCESS_KEY("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 5: give a stronger user without a console password one. */
    CREATE_LOGIN_PROFILE("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 6: change a stronger user's console password. */
    UPDATE_LOGIN_PROFILE("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"),
    /** Rhino method 7: add oneself to a group with more permissions. */
    ADD_USER_TO_GROUP("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/");

    private final String reference;

    Technique(String reference) {
        this.reference = reference;
    }

    /** The public write-up of the technique. */
    public String reference() {
        return reference;
    }
}
