"""Small builders shared by the evaluation-logic corpus generator.

They keep the hand-written cases readable: every case in the gen_eval_*.py modules is still written out
one by one with its own title, AWS documentation page and expected decision.
"""

import json
import os

A = "111122223333"  # the account that owns the resources in most cases
B = "444455556666"  # the other account in cross-account cases

DOCS = {
    "eval": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
    "denyallow": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html",
    "basics": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html",
    "interplay": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html",
    "cross": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html",
    "boundaries": "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
    "policies": "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html",
    "principal": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    "notprincipal": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html",
    "assumerole": "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
    "federation": "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html",
    "trustupdate": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html",
    "sessiontags": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html",
    "scps": "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
    "scpeval": "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html",
    "rcps": "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html",
    "rcpeval": "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html",
    "kms": "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
}


def pol(*statements, policy_id=None):
    """A policy document with Version 2012-10-17 and the given statements."""
    doc = {"Version": "2012-10-17"}
    if policy_id:
        doc["Id"] = policy_id
    doc["Statement"] = list(statements)
    return doc


def stmt(effect, action, resource="*", principal=None, not_principal=None, sid=None, condition=None):
    """One statement; principal is a Principal value (\"*\" or a dict) for resource-based policies."""
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    if principal is not None:
        s["Principal"] = principal
    if not_principal is not None:
        s["NotPrincipal"] = not_principal
    s["Action"] = action
    s["Resource"] = resource
    if condition is not None:
        s["Condition"] = condition
    return s


def allow(action, resource="*", **kw):
    return stmt("Allow", action, resource, **kw)


def deny(action, resource="*", **kw):
    return stmt("Deny", action, resource, **kw)


def aws(*arns):
    """Principal {"AWS": arn} or {"AWS": [arns]}."""
    return {"AWS": arns[0] if len(arns) == 1 else list(arns)}


def service(*names):
    return {"Service": names[0] if len(names) == 1 else list(names)}


FULL_AWS_ACCESS = pol(allow("*", "*", sid="FullAWSAccess"))
RCP_FULL_AWS_ACCESS = pol(allow("*", "*", principal="*", sid="RCPFullAWSAccess"))


def user(name, acct=A, path="/"):
    return f"arn:aws:iam::{acct}:user{path}{name}"


def role(name, acct=A, path="/"):
    return f"arn:aws:iam::{acct}:role{path}{name}"


def session(role_name, session_name, acct=A):
    return f"arn:aws:sts::{acct}:assumed-role/{role_name}/{session_name}"


def root(acct=A):
    return f"arn:aws:iam::{acct}:root"


def bucket(name):
    return f"arn:aws:s3:::{name}"


def obj(bucket_name, key):
    return f"arn:aws:s3:::{bucket_name}/{key}"


def case(title, doc, expected, **request):
    """One corpus case; request keys follow the authorize request shape of the engine contract."""
    assert expected in ("Allow", "ExplicitDeny", "ImplicitDeny"), expected
    assert doc in DOCS, doc
    assert "principal" in request and "action" in request, title
    ordered = {}
    for key in ("principal", "action", "resource", "resourceAccount", "context", "sessionIssuer",
                "identityPolicies", "permissionsBoundary", "sessionPolicy", "resourcePolicy",
                "scps", "rcps"):
        if key in request:
            ordered[key] = request.pop(key)
    assert not request, f"unknown request keys in {title}: {sorted(request)}"
    return {"title": title, "doc": DOCS[doc], "request": ordered, "expected": expected}


def write(out_dir, name, cases):
    titles = [c["title"] for c in cases]
    dupes = {t for t in titles if titles.count(t) > 1}
    assert not dupes, f"{name}: duplicate titles {dupes}"
    path = os.path.join(out_dir, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return len(cases)
