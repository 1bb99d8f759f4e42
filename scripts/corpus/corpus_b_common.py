"""Shared helpers for the matching/conditions/variables corpus (corpus B).

Every case is a same-account identity-policy request for user alice in account
111122223333, so only the feature under test decides the outcome.
"""

ACCOUNT = "111122223333"
ALICE = f"arn:aws:iam::{ACCOUNT}:user/alice"
ROLE_SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/DevRole/alice-session"
BUCKET = "amzn-s3-demo-bucket"
BUCKET_ARN = f"arn:aws:s3:::{BUCKET}"
OBJ = f"{BUCKET_ARN}/reports/q1.csv"

UG = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
OPS = UG + "reference_policies_elements_condition_operators.html"
OPS_STRING = OPS + "#Conditions_String"
OPS_NUMERIC = OPS + "#Conditions_Numeric"
OPS_DATE = OPS + "#Conditions_Date"
OPS_BOOL = OPS + "#Conditions_Boolean"
OPS_BINARY = OPS + "#Conditions_BinaryEquals"
OPS_IP = OPS + "#Conditions_IPAddress"
OPS_ARN = OPS + "#Conditions_ARN"
OPS_IFEXISTS = OPS + "#Conditions_IfExists"
OPS_NULL = OPS + "#Conditions_Null"
COND = UG + "reference_policies_elements_condition.html"
MULTI = UG + "reference_policies_condition-logic-multiple-context-keys-or-values.html"
SINGLE_MULTI = UG + "reference_policies_condition-single-vs-multi-valued-context-keys.html"
MV_EXAMPLES = UG + "reference_policies_condition_examples-multi-valued-context-keys.html"
VARS = UG + "reference_policies_variables.html"
ACTION = UG + "reference_policies_elements_action.html"
RESOURCE = UG + "reference_policies_elements_resource.html"
NOTACTION = UG + "reference_policies_elements_notaction.html"
NOTRESOURCE = UG + "reference_policies_elements_notresource.html"
ARNS = UG + "reference-arns.html"
KEYS = UG + "reference_policies_condition-keys.html"
VERSION = UG + "reference_policies_elements_version.html"

MISSING = object()


def policy(*statements, version="2012-10-17"):
    """A policy document; version=None leaves the Version element out."""
    doc = {}
    if version is not None:
        doc["Version"] = version
    doc["Statement"] = list(statements)
    return doc


def stmt(effect, action="s3:GetObject", resource="*", cond=None, sid=None,
         not_action=None, not_resource=None):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    if not_action is not None:
        s["NotAction"] = not_action
    else:
        s["Action"] = action
    if not_resource is not None:
        s["NotResource"] = not_resource
    else:
        s["Resource"] = resource
    if cond is not None:
        s["Condition"] = cond
    return s


def allow(action="s3:GetObject", resource="*", cond=None, sid="AllowUnderTest", **kw):
    return stmt("Allow", action, resource, cond, sid, **kw)


def deny(action="s3:GetObject", resource="*", cond=None, sid="DenyUnderTest", **kw):
    return stmt("Deny", action, resource, cond, sid, **kw)


def request(policies, action="s3:GetObject", resource=OBJ, context=None, principal=ALICE):
    r = {"principal": principal, "action": action}
    if resource is not None:
        r["resource"] = resource
    if context:
        r["context"] = context
    r["identityPolicies"] = list(policies)
    return r


def case(title, doc, req, expected):
    assert expected in ("Allow", "ExplicitDeny", "ImplicitDeny"), expected
    return {"title": title, "doc": doc, "request": req, "expected": expected}


def cond_case(title, doc, operator, key, policy_value, ctx_value, matches, effect="Allow",
              action="s3:GetObject", resource=OBJ, extra_context=None):
    """One condition test.

    Allow variant: the only statement is an Allow guarded by the condition, so a match
    gives Allow and a non-match ImplicitDeny. Deny variant: an unconditional Allow for the
    action plus a Deny guarded by the condition, so a match gives ExplicitDeny and a
    non-match Allow.
    """
    cond = {operator: {key: policy_value}}
    context = dict(extra_context or {})
    if ctx_value is not MISSING:
        context[key] = ctx_value
    if effect == "Allow":
        policies = [policy(allow(action, "*", cond))]
        expected = "Allow" if matches else "ImplicitDeny"
    else:
        policies = [policy(allow(action, "*", sid="AllowAction"), deny(action, "*", cond))]
        expected = "ExplicitDeny" if matches else "Allow"
    return case(title, doc, request(policies, action, resource, context), expected)
