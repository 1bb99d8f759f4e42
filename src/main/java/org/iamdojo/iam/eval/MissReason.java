package org.iamdojo.iam.eval;

/** Why a statement did not apply to a request. */
public enum MissReason {
    /** Effect missing or invalid: the statement never applies. */
    EFFECT,
    /** Action/NotAction did not cover the requested action. */
    ACTION,
    /** Resource/NotResource did not cover the requested resource. */
    RESOURCE,
    /** Principal/NotPrincipal did not cover the caller. */
    PRINCIPAL,
    /** A condition evaluated to false. */
    CONDITION
}
