"""Validates the authorize conformance corpus and prints the number of cases per file.

Run from the repository root:  python3 scripts/corpus/check.py [folder]
Checks the strict shape AuthorizeCorpusTest reads (title, doc, request, expected, decidingLayer,
matchedStatements and nothing else), unique one-line titles, an AWS documentation URL, the request fields
of the engine contract, well-formed policies (known elements, one of Action/NotAction and of
Resource/NotResource, scalar condition values) and that no two cases send the same request.
Exit code 1 when any file is invalid. The one checker for every file the generator (generate.py) writes
and for the hand-written files beside them.
"""

import glob
import json
import os
import re
import sys

CASE_KEYS = {"title", "doc", "request", "expected", "decidingLayer", "matchedStatements"}
POLICY_FIELDS = {"Version", "Id", "Statement"}
STATEMENT_FIELDS = {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                    "NotResource", "Condition"}
VERSIONS = {"2012-10-17", "2008-10-17"}
REQUEST_KEYS = {"principal", "action", "resource", "resourceAccount", "context", "identityPolicies",
                "permissionsBoundary", "sessionPolicy", "resourcePolicy", "scps", "rcps", "sessionIssuer",
                "awsManagedResource"}
DECISIONS = {"Allow", "ExplicitDeny", "ImplicitDeny"}
DOC_URL = re.compile(r"^https://docs\.aws\.amazon\.com/[A-Za-z0-9_./-]+\.html(#[A-Za-z0-9_.-]+)?$")
ACCOUNT = re.compile(r"^\d{12}$")
PRINCIPAL = re.compile(r"^(anonymous|[a-z0-9.-]+\.amazonaws\.com|arn:aws:(iam|sts)::\d{12}:.+)$")


def string_or_list(value):
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def check_policy(where, value, errors, resource_based=False):
    """resource_based: a resource policy, whose statements may leave Resource out (a role's trust policy does)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: policy string is not JSON ({e})")
            return
    if not isinstance(value, dict) or "Statement" not in value:
        errors.append(f"{where}: policy must be an object with a Statement")
        return
    unknown = set(value) - POLICY_FIELDS
    if unknown:
        errors.append(f"{where}: unknown policy elements {sorted(unknown)}")
    if "Version" in value and value["Version"] not in VERSIONS:
        errors.append(f"{where}: bad Version {value['Version']!r}")
    statements = value["Statement"]
    if isinstance(statements, dict):
        statements = [statements]
    if not isinstance(statements, list) or not statements:
        errors.append(f"{where}: missing Statement")
        return
    for i, st in enumerate(statements):
        w = f"{where}.Statement[{i}]"
        if not isinstance(st, dict):
            errors.append(f"{w}: not an object")
            continue
        unknown = set(st) - STATEMENT_FIELDS
        if unknown:
            errors.append(f"{w}: unknown elements {sorted(unknown)}")
        if st.get("Effect") not in ("Allow", "Deny"):
            errors.append(f"{w}: bad Effect {st.get('Effect')!r}")
        if ("Action" in st) == ("NotAction" in st):
            errors.append(f"{w}: needs exactly one of Action/NotAction")
        if "Resource" in st and "NotResource" in st:
            errors.append(f"{w}: has both Resource and NotResource")
        elif not resource_based and "Resource" not in st and "NotResource" not in st:
            errors.append(f"{w}: needs one of Resource/NotResource")
        for el in ("Action", "NotAction", "Resource", "NotResource"):
            if el in st and not string_or_list(st[el]):
                errors.append(f"{w}: {el} must be a string or list of strings")
        if "Condition" in st:
            cond = st["Condition"]
            if not isinstance(cond, dict) or not cond:
                errors.append(f"{w}: Condition must be a non-empty object")
                continue
            for op, block in cond.items():
                if not isinstance(block, dict) or not block:
                    errors.append(f"{w}: Condition operator {op} needs a key/value object")
                    continue
                for key, v in block.items():
                    vals = v if isinstance(v, list) else [v]
                    if not all(isinstance(x, (str, bool, int, float)) for x in vals):
                        errors.append(f"{w}: Condition {op}/{key} has a non-scalar value")


def check_request(where, req, errors):
    if not isinstance(req, dict):
        errors.append(f"{where}: request must be an object")
        return
    for key in sorted(set(req) - REQUEST_KEYS):
        errors.append(f"{where}: unknown request field {key!r}")
    for key in ("principal", "action"):
        if not isinstance(req.get(key), str) or not req.get(key):
            errors.append(f"{where}: request.{key} must be a non-empty string")
    if isinstance(req.get("principal"), str) and not PRINCIPAL.match(req["principal"]):
        errors.append(f"{where}: principal {req['principal']!r} is not a contract principal form")
    for key in ("resource", "sessionIssuer"):
        if key in req and not isinstance(req[key], str):
            errors.append(f"{where}: request.{key} must be a string")
    if "resourceAccount" in req and not (isinstance(req["resourceAccount"], str) and ACCOUNT.match(req["resourceAccount"])):
        errors.append(f"{where}: resourceAccount must be a 12-digit string")
    ctx = req.get("context", {})
    if not isinstance(ctx, dict):
        errors.append(f"{where}: context must be an object")
    else:
        for k, v in ctx.items():
            ok = isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
            if not ok:
                errors.append(f"{where}: context value of {k!r} must be a string or an array of strings")
        lowered = [k.lower() for k in ctx]
        if len(set(lowered)) != len(lowered):
            errors.append(f"{where}: context keys repeat ignoring case")
    if "identityPolicies" in req:
        if not isinstance(req["identityPolicies"], list):
            errors.append(f"{where}: identityPolicies must be an array")
        else:
            for i, p in enumerate(req["identityPolicies"]):
                check_policy(f"{where}: identityPolicies[{i}]", p, errors)
    for key in ("permissionsBoundary", "sessionPolicy", "resourcePolicy"):
        if key in req:
            check_policy(f"{where}: {key}", req[key], errors, resource_based=key == "resourcePolicy")
    if "awsManagedResource" in req and not isinstance(req["awsManagedResource"], bool):
        errors.append(f"{where}: awsManagedResource must be true or false")
    for key in ("scps", "rcps"):
        if key in req:
            levels = req[key]
            if not isinstance(levels, list) or not all(isinstance(level, list) for level in levels):
                errors.append(f"{where}: {key} must be an array of arrays")
                continue
            for li, level in enumerate(levels):
                for pi, p in enumerate(level):
                    check_policy(f"{where}: {key}[{li}][{pi}]", p, errors)


def check_file(path):
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        return 0, [f"{path}: {e}"]
    if not isinstance(cases, list) or not cases:
        return 0, [f"{path}: must be a non-empty JSON array"]
    titles = set()
    for n, c in enumerate(cases):
        where = f"{os.path.basename(path)}[{n}]"
        if not isinstance(c, dict):
            errors.append(f"{where}: case must be an object")
            continue
        for key in sorted(set(c) - CASE_KEYS):
            errors.append(f"{where}: unknown field {key!r}")
        for key in sorted(CASE_KEYS - set(c)):
            errors.append(f"{where}: missing field {key!r}")
        title = c.get("title")
        if not isinstance(title, str) or not title.strip() or "\n" in title:
            errors.append(f"{where}: title must be one non-empty line")
        elif title in titles:
            errors.append(f"{where}: duplicate title {title!r}")
        else:
            titles.add(title)
        if not isinstance(c.get("doc"), str) or not DOC_URL.match(c["doc"]):
            errors.append(f"{where}: doc must be an https://docs.aws.amazon.com/...html URL (with an optional #anchor)")
        if c.get("expected") not in DECISIONS:
            errors.append(f"{where}: expected must be one of {sorted(DECISIONS)}")
        if "decidingLayer" in c and (not isinstance(c["decidingLayer"], str) or not c["decidingLayer"]):
            errors.append(f"{where}: decidingLayer must be a non-empty string")
        if "matchedStatements" in c and not (isinstance(c["matchedStatements"], list)
                                             and all(isinstance(m, str) for m in c["matchedStatements"])):
            errors.append(f"{where}: matchedStatements must be an array of strings")
        if "request" in c:
            check_request(where, c["request"], errors)
    return len(cases), errors


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "src", "test", "resources", "iam", "authorize-cases")
    paths = sorted(glob.glob(os.path.join(folder, "*.json")))
    if not paths:
        print(f"no *.json files in {folder}")
        return 1
    total, all_errors, seen = 0, [], {}
    for path in paths:
        count, errors = check_file(path)
        total += count
        all_errors += errors
        print(f"{os.path.basename(path)}: {count}")
        if not errors:
            with open(path, encoding="utf-8") as f:
                for c in json.load(f):
                    key = json.dumps(c["request"], sort_keys=True)
                    if key in seen:
                        all_errors.append(f"{os.path.basename(path)}: {c['title']!r} repeats the request of {seen[key]!r}")
                    seen[key] = c["title"]
    print(f"total: {total}")
    for e in all_errors:
        print("ERROR " + e)
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
