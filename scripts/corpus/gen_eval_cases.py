"""Regenerates the evaluation-logic cases of the authorize conformance corpus.

Run from the repository root:  python3 scripts/corpus/gen_eval_cases.py
Writes src/test/resources/iam/authorize-cases/eval-*.json. Every case is written out by hand in the
gen_eval_*.py modules with its own title, the AWS documentation page it follows and the decision
that page implies; this script only serialises them.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus_lib import write  # noqa: E402
import gen_eval_identity as ident  # noqa: E402
import gen_eval_org as org  # noqa: E402
import gen_eval_principals as princ  # noqa: E402
import gen_eval_resource as res  # noqa: E402

FILES = {
    "eval-identity.json": ident.identity_cases,
    "eval-boundary.json": ident.boundary_cases,
    "eval-explicit-deny.json": org.explicit_deny_cases,
    "eval-scp.json": org.scp_cases,
    "eval-rcp.json": org.rcp_cases,
    "eval-resource-policy-same-account.json": res.same_account_cases,
    "eval-cross-account.json": res.cross_account_cases,
    "eval-session-policy.json": res.session_policy_cases,
    "eval-assume-role-trust.json": princ.trust_cases,
    "eval-root-user.json": princ.root_cases,
    "eval-service-principal.json": princ.service_cases,
    "eval-anonymous.json": princ.anonymous_cases,
    "eval-notprincipal.json": princ.notprincipal_cases,
    "eval-principal-forms.json": princ.principal_form_cases,
}


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = os.path.join(root, "src", "test", "resources", "iam", "authorize-cases")
    os.makedirs(out, exist_ok=True)
    total = 0
    for name, build in FILES.items():
        n = write(out, name, build())
        total += n
        print(f"{name}: {n}")
    print(f"total: {total}")


if __name__ == "__main__":
    main()
