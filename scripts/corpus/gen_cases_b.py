#!/usr/bin/env python3
"""Regenerates the matching/conditions/variables authorize corpus (corpus B).

Usage: python3 scripts/corpus/gen_cases_b.py   (from the repository root or anywhere)
Writes src/test/resources/iam/authorize-cases/{match,cond,vars}-*.json. Every expected
decision follows the AWS IAM User Guide page named in the case's "doc" field.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_cond_b as cond  # noqa: E402
import gen_match_b as match  # noqa: E402
import gen_vars_b as variables  # noqa: E402

FILES = {
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


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out_dir = os.path.join(root, "src", "test", "resources", "iam", "authorize-cases")
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for name, fn in FILES.items():
        cases = fn()
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump(cases, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: {len(cases)}")
        total += len(cases)
    print(f"total: {total}")


if __name__ == "__main__":
    main()
