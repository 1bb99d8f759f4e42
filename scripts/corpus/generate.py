"""Regenerates the authorize conformance corpus, src/test/resources/iam/authorize-cases/*.json.

Run from anywhere:  python3 scripts/corpus/generate.py [--check]
One generator for both parts of the corpus: evaluation logic (eval-*.json, cases in gen_eval_*.py built with
corpus_lib.py) and matching, condition operators and policy variables (match-, cond-, vars-*.json, cases in
gen_match_b.py, gen_cond_b.py and gen_vars_b.py built with corpus_b_common.py). Every case is written out by
hand in those modules with its own title, the AWS documentation page it follows and the decision that page
implies; this script only serialises them.

Written into the JSON files directly, not by the modules, and kept from the files as they are: the reason
of each case (decidingLayer, matchedStatements, matched by title), cases appended by hand after the
generated ones, and files that no module builds (eval-aws-managed.json and the like). A generated case with
no reason in the file is reported: write its reason in the file (AuthorizeCorpusTest requires one).
--check writes nothing and exits 1 when a file would change. Check the result with check.py.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_cond_b as cond  # noqa: E402
import gen_eval_identity as ident  # noqa: E402
import gen_eval_org as org  # noqa: E402
import gen_eval_principals as princ  # noqa: E402
import gen_eval_resource as res  # noqa: E402
import gen_match_b as match  # noqa: E402
import gen_vars_b as variables  # noqa: E402

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
    "match-action.json": match.match_action,
    "match-resource.json": match.match_resource,
    "match-notaction-notresource.json": match.match_not,
    "cond-string.json": cond.cond_string,
    "cond-numeric.json": cond.cond_numeric,
    "cond-date.json": cond.cond_date,
    "cond-bool.json": cond.cond_bool,
    "cond-binary.json": cond.cond_binary,
    "cond-ip.json": cond.cond_ip,
    "cond-arn.json": cond.cond_arn,
    "cond-null.json": cond.cond_null,
    "cond-ifexists.json": cond.cond_ifexists,
    "cond-set-operators.json": cond.cond_set_operators,
    "cond-multi-key-value.json": cond.cond_multi,
    "vars-policy-variables.json": variables.vars_policy_variables,
}
REASON_FIELDS = ("decidingLayer", "matchedStatements")


def merged(name, generated, existing):
    """The generated cases with their reasons from the existing file, then the file's hand-added cases."""
    titles = [c["title"] for c in generated]
    dupes = sorted({t for t in titles if titles.count(t) > 1})
    if dupes:
        raise SystemExit(f"{name}: duplicate titles {dupes}")
    old = {c["title"]: c for c in existing}
    out, missing = [], []
    for c in generated:
        c = dict(c)
        before = old.get(c["title"], {})
        for field in REASON_FIELDS:
            if field in before:
                c[field] = before[field]
        if any(field not in c for field in REASON_FIELDS):
            missing.append(c["title"])
        out.append(c)
    out += [c for c in existing if c["title"] not in set(titles)]
    return out, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file would change")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out_dir = os.path.join(root, "src", "test", "resources", "iam", "authorize-cases")
    os.makedirs(out_dir, exist_ok=True)
    total, changed, no_reason = 0, [], []
    for name, build in FILES.items():
        path = os.path.join(out_dir, name)
        before = ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                before = f.read()
        cases, missing = merged(name, build(), json.loads(before) if before else [])
        no_reason += [f"{name}: {t}" for t in missing]
        text = json.dumps(cases, indent=2, ensure_ascii=False) + "\n"
        if text != before:
            changed.append(name)
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
        print(f"{name}: {len(cases)}")
        total += len(cases)
    print(f"total: {total}")
    for line in no_reason:
        print("NO REASON " + line)
    for name in changed:
        print(("WOULD CHANGE " if args.check else "CHANGED ") + name)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
