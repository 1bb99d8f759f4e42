package org.iamdojo.iam.account;

import java.util.List;

/** Checks a policy document before the sandbox stores it; the validator behind it reports located findings. */
@FunctionalInterface
public interface PolicyChecker {

    /** The blocking problems (as "line:column CODE message"), empty when the document may be stored. */
    List<String> errors(String document, PolicyUse use);

    /** Accepts everything; for sandboxes built without a validator. */
    PolicyChecker ACCEPT_ALL = (document, use) -> List.of();
}
