#!/usr/bin/env python3
"""Checks the matching/conditions/variables corpus files (corpus B).

Usage: python3 scripts/corpus/check_cases_b.py [--min-total N]
Checks every src/test/resources/iam/authorize-cases/{match,cond,vars}-*.json: valid JSON array,
exactly the fields title/doc/request/expected, unique non-empty one-line titles, an AWS doc URL,
a known decision, the authorize request shape of the engine contract, and well-formed policies.
Prints counts per file and exits non-zero on any problem.
"""
import argparse
import glob
import json
import os
import sys

CASE_FIELDS = {"title", "doc", "request", "expected"}
DECISIONS = {"Allow", "ExplicitDeny", "ImplicitDeny"}
REQUEST_FIELDS = {"principal", "action", "resource", "resourceAccount", "context", "identityPolicies",
                  "permissionsBoundary", "sessionPolicy", "resourcePolicy", "scps", "rcps", "sessionIssuer"}
POLICY_FIELDS = {"Version", "Id", "Statement"}
STATEMENT_FIELDS = {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                    "NotResource", "Condition"}
VERSIONS = {"2012-10-17", "2008-10-17"}
PREFIXES = ("match-", "cond-", "vars-")
DOC_PREFIX = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"


def string_or_list(value):
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def check_policy(doc, where, errors):
    if isinstance(doc, str):
        try:
            doc = json.loads(doc)
        except ValueError as e:
            errors.append(f"{where}: policy string is not JSON: {e}")
            return
    if not isinstance(doc, dict):
        errors.append(f"{where}: policy is not an object")
        return
    unknown = set(doc) - POLICY_FIELDS
    if unknown:
        errors.append(f"{where}: unknown policy elements {sorted(unknown)}")
    if "Version" in doc and doc["Version"] not in VERSIONS:
        errors.append(f"{where}: bad Version {doc['Version']!r}")
    statements = doc.get("Statement")
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
        if ("Resource" in st) == ("NotResource" in st):
            errors.append(f"{w}: needs exactly one of Resource/NotResource")
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
                for key, value in block.items():
                    vals = value if isinstance(value, list) else [value]
                    if not all(isinstance(v, (str, bool, int, float)) for v in vals):
                        errors.append(f"{w}: Condition {op}/{key} has a non-scalar value")


def check_request(req, where, errors):
    if not isinstance(req, dict):
        errors.append(f"{where}: request is not an object")
        return
    unknown = set(req) - REQUEST_FIELDS
    if unknown:
        errors.append(f"{where}: unknown request fields {sorted(unknown)}")
    for field in ("principal", "action"):
        if not isinstance(req.get(field), str) or not req.get(field):
            errors.append(f"{where}: missing {field}")
    if "resource" in req and not isinstance(req["resource"], str):
        errors.append(f"{where}: resource must be a string")
    ctx = req.get("context", {})
    if not isinstance(ctx, dict):
        errors.append(f"{where}: context must be an object")
    else:
        for k, v in ctx.items():
            if not string_or_list(v):
                errors.append(f"{where}: context {k} must be a string or list of strings")
        lowered = [k.lower() for k in ctx]
        if len(set(lowered)) != len(lowered):
            errors.append(f"{where}: context keys repeat ignoring case")
    policies = req.get("identityPolicies", [])
    if not isinstance(policies, list):
        errors.append(f"{where}: identityPolicies must be a list")
        return
    for i, p in enumerate(policies):
        check_policy(p, f"{where}.identityPolicies[{i}]", errors)


def check_file(path, errors):
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
    except ValueError as e:
        errors.append(f"{name}: invalid JSON: {e}")
        return 0, {}
    if not isinstance(cases, list) or not cases:
        errors.append(f"{name}: must be a non-empty JSON array")
        return 0, {}
    titles = set()
    decisions = {d: 0 for d in DECISIONS}
    for i, c in enumerate(cases):
        where = f"{name}[{i}]"
        if not isinstance(c, dict):
            errors.append(f"{where}: case is not an object")
            continue
        if set(c) != CASE_FIELDS:
            errors.append(f"{where}: fields {sorted(c)} must be exactly {sorted(CASE_FIELDS)}")
        title = c.get("title")
        if not isinstance(title, str) or not title.strip() or "\n" in title:
            errors.append(f"{where}: title must be one non-empty line")
        elif title in titles:
            errors.append(f"{where}: duplicate title {title!r}")
        else:
            titles.add(title)
        doc = c.get("doc")
        if not isinstance(doc, str) or not doc.startswith(DOC_PREFIX) or ".html" not in doc:
            errors.append(f"{where}: doc must be an IAM User Guide page URL, got {doc!r}")
        if c.get("expected") not in DECISIONS:
            errors.append(f"{where}: expected must be one of {sorted(DECISIONS)}")
        else:
            decisions[c["expected"]] += 1
        check_request(c.get("request"), where, errors)
    return len(cases), decisions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-total", type=int, default=230)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    case_dir = os.path.join(root, "src", "test", "resources", "iam", "authorize-cases")
    paths = sorted(p for p in glob.glob(os.path.join(case_dir, "*.json"))
                   if os.path.basename(p).startswith(PREFIXES))
    errors = []
    total = 0
    for path in paths:
        count, decisions = check_file(path, errors)
        total += count
        print(f"{os.path.basename(path):38s} {count:4d}  " +
              "  ".join(f"{d}={n}" for d, n in sorted(decisions.items())))
    print(f"{'total':38s} {total:4d}")
    if total < args.min_total:
        errors.append(f"only {total} cases, expected at least {args.min_total}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
