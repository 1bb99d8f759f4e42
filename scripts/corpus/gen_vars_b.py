"""Cases for policy variables: substitution, special characters, defaults, Version."""

from corpus_b_common import *  # noqa: F401,F403

HOME = f"{BUCKET_ARN}/home/${{aws:username}}/*"
V = VARS
V_RES = VARS + "#policy-vars-resourceelement"
V_COND = VARS + "#policy-vars-conditionelement"
V_SPECIAL = VARS + "#policy-vars-specialchars"
V_DEFAULT = VARS + "#policy-vars-default-values"
V_PRINCIPAL = VARS + "#principaltable"
USERID = "AIDAJQABLZS4A3QDU576Q"


def _res(title, doc, pattern, requested, expected, context=None, principal=ALICE, version="2012-10-17",
         action="s3:GetObject"):
    return case(title, doc, request([policy(allow(action, pattern), version=version)], action, requested, context,
                                    principal), expected)


def vars_policy_variables():
    c = []
    c.append(_res("${aws:username} in Resource matches the caller's own home prefix", V_RES, HOME,
                  f"{BUCKET_ARN}/home/alice/notes.txt", "Allow"))
    c.append(_res("${aws:username} in Resource does not match another user's home prefix", V_RES, HOME,
                  f"{BUCKET_ARN}/home/bob/notes.txt", "ImplicitDeny"))
    c.append(_res("${aws:username} is the friendly name without the user's path", V_PRINCIPAL, HOME,
                  f"{BUCKET_ARN}/home/Bob/notes.txt", "Allow",
                  principal=f"arn:aws:iam::{ACCOUNT}:user/division_abc/subdivision_xyz/Bob"))
    c.append(_res("Variable key names are case-insensitive (${aws:UserName})", V,
                  f"{BUCKET_ARN}/home/${{aws:UserName}}/*", f"{BUCKET_ARN}/home/alice/notes.txt", "Allow"))
    c.append(_res("${aws:username} in an IAM user ARN lets users manage only their own access keys", V_RES,
                  f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}", f"arn:aws:iam::{ACCOUNT}:user/alice", "Allow",
                  action="iam:CreateAccessKey"))
    c.append(_res("${aws:username} in an IAM user ARN does not cover another user's access keys", V_RES,
                  f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}", f"arn:aws:iam::{ACCOUNT}:user/bob",
                  "ImplicitDeny", action="iam:CreateAccessKey"))
    prefix_cond = {"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/*"]}}
    c.append(case("${aws:username} in a StringLike s3:prefix condition allows listing the own home", V_COND,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, prefix_cond))], "s3:ListBucket", BUCKET_ARN,
                          {"s3:prefix": "home/alice/photos/"}), "Allow"))
    c.append(case("${aws:username} in a StringLike s3:prefix condition rejects another user's home", V_COND,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, prefix_cond))], "s3:ListBucket", BUCKET_ARN,
                          {"s3:prefix": "home/bob/"}), "ImplicitDeny"))
    c.append(case("Empty string in the s3:prefix list allows listing the bucket root", V_COND,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, prefix_cond))], "s3:ListBucket", BUCKET_ARN,
                          {"s3:prefix": ""}), "Allow"))
    uid_res = f"{BUCKET_ARN}/${{aws:userid}}/*"
    c.append(_res("${aws:userid} in Resource matches the caller's unique ID", V, uid_res,
                  f"{BUCKET_ARN}/{USERID}/data.bin", "Allow", context={"aws:userid": USERID}))
    c.append(_res("${aws:userid} in Resource does not match another unique ID", V, uid_res,
                  f"{BUCKET_ARN}/AIDAEXAMPLEOTHERUSER1/data.bin", "ImplicitDeny", context={"aws:userid": USERID}))
    team_res = f"{BUCKET_ARN}/teams/${{aws:PrincipalTag/team}}/*"
    c.append(_res("${aws:PrincipalTag/team} in Resource matches the team's prefix", V_RES, team_res,
                  f"{BUCKET_ARN}/teams/blue/plan.md", "Allow", context={"aws:PrincipalTag/team": "blue"}))
    c.append(_res("${aws:PrincipalTag/team} in Resource does not match another team's prefix", V_RES, team_res,
                  f"{BUCKET_ARN}/teams/red/plan.md", "ImplicitDeny", context={"aws:PrincipalTag/team": "blue"}))
    c.append(_res("${aws:PrincipalTag/team} without the tag and without a default: Resource does not match", V,
                  team_res, f"{BUCKET_ARN}/teams/blue/plan.md", "ImplicitDeny"))
    abac = {"StringEquals": {"aws:ResourceTag/project": "${aws:PrincipalTag/project}"}}
    inst = f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678"
    c.append(case("ABAC: aws:ResourceTag/project equals ${aws:PrincipalTag/project}", V_COND,
                  request([policy(allow("ec2:StopInstances", "*", abac))], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/project": "alpha", "aws:PrincipalTag/project": "alpha"}), "Allow"))
    c.append(case("ABAC: aws:ResourceTag/project differs from ${aws:PrincipalTag/project}", V_COND,
                  request([policy(allow("ec2:StopInstances", "*", abac))], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/project": "beta", "aws:PrincipalTag/project": "alpha"}), "ImplicitDeny"))
    c.append(case("ABAC: principal without the project tag does not match", V,
                  request([policy(allow("ec2:StopInstances", "*", abac))], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/project": "alpha"}), "ImplicitDeny"))
    s3p = {"StringEquals": {"aws:PrincipalTag/home-prefix": "${s3:prefix}"}}
    c.append(case("${s3:prefix} as a variable: the requested prefix equals the principal's tag", V_COND,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, s3p))], "s3:ListBucket", BUCKET_ARN,
                          {"s3:prefix": "projects/alpha/", "aws:PrincipalTag/home-prefix": "projects/alpha/"}),
                  "Allow"))
    c.append(case("${s3:prefix} as a variable: a different requested prefix does not match", V_COND,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, s3p))], "s3:ListBucket", BUCKET_ARN,
                          {"s3:prefix": "projects/beta/", "aws:PrincipalTag/home-prefix": "projects/alpha/"}),
                  "ImplicitDeny"))
    c.append(case("Variables work with ARN operators: aws:PrincipalArn ArnEquals user/${aws:username}", V_COND,
                  request([policy(allow(cond={"ArnEquals": {
                      "aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}"}}))]), "Allow"))
    c.append(_res("Two variables in one Resource are both substituted", V_RES,
                  f"{BUCKET_ARN}/teams/${{aws:PrincipalTag/team}}/${{aws:username}}/*",
                  f"{BUCKET_ARN}/teams/blue/alice/draft.md", "Allow", context={"aws:PrincipalTag/team": "blue"}))
    c.append(_res("Two variables in one Resource: the wrong user segment does not match", V_RES,
                  f"{BUCKET_ARN}/teams/${{aws:PrincipalTag/team}}/${{aws:username}}/*",
                  f"{BUCKET_ARN}/teams/blue/bob/draft.md", "ImplicitDeny", context={"aws:PrincipalTag/team": "blue"}))
    # Special characters ${*} ${?} ${$}
    lb = dict(action="s3:ListBucket")
    c.append(case("${*} in StringEquals stands for a literal asterisk (reports* matches)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringEquals": {"s3:prefix": "reports${*}"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "reports*"}, **lb), "Allow"))
    c.append(case("${*} in StringEquals is not a wildcard (reports2024 does not match)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringEquals": {"s3:prefix": "reports${*}"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "reports2024"}, **lb), "ImplicitDeny"))
    c.append(case("${*} in StringLike is a literal asterisk next to a real wildcard (draft*/x matches)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringLike": {"s3:prefix": "draft${*}/*"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "draft*/x"}, **lb), "Allow"))
    c.append(case("${*} in StringLike does not match other characters (draft1/x)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringLike": {"s3:prefix": "draft${*}/*"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "draft1/x"}, **lb), "ImplicitDeny"))
    c.append(case("${?} in StringLike stands for a literal question mark (faq? matches)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringLike": {"s3:prefix": "faq${?}"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "faq?"}, **lb), "Allow"))
    c.append(case("${?} in StringLike is not a single-character wildcard (faqs does not match)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringLike": {"s3:prefix": "faq${?}"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "faqs"}, **lb), "ImplicitDeny"))
    c.append(case("${$} stands for a literal dollar sign (cost$ matches)", V_SPECIAL,
                  request([policy(allow("s3:ListBucket", BUCKET_ARN, {"StringEquals": {"s3:prefix": "cost${$}"}}))],
                          resource=BUCKET_ARN, context={"s3:prefix": "cost$"}, **lb), "Allow"))
    c.append(_res("${*} in Resource matches a literal asterisk in the object key", V_SPECIAL,
                  f"{BUCKET_ARN}/literal${{*}}name.txt", f"{BUCKET_ARN}/literal*name.txt", "Allow"))
    c.append(_res("${*} in Resource is not a wildcard for other characters", V_SPECIAL,
                  f"{BUCKET_ARN}/literal${{*}}name.txt", f"{BUCKET_ARN}/literalXname.txt", "ImplicitDeny"))
    # Default values
    dflt = f"{BUCKET_ARN}/home/${{aws:username, 'shared'}}/*"
    c.append(_res("Default value is used when aws:username is absent (role session)", V_DEFAULT, dflt,
                  f"{BUCKET_ARN}/home/shared/readme.txt", "Allow", principal=ROLE_SESSION))
    c.append(_res("Default value: role session has no aws:username, so its session name does not match", V_DEFAULT,
                  dflt, f"{BUCKET_ARN}/home/alice-session/readme.txt", "ImplicitDeny", principal=ROLE_SESSION))
    c.append(_res("Default value is ignored when aws:username is present", V_DEFAULT, dflt,
                  f"{BUCKET_ARN}/home/alice/readme.txt", "Allow"))
    c.append(_res("Default value is not used for a user who has aws:username", V_DEFAULT, dflt,
                  f"{BUCKET_ARN}/home/shared/readme.txt", "ImplicitDeny"))
    owner = {"StringEquals": {"aws:ResourceTag/owner": "${aws:PrincipalTag/owner, 'unowned'}"}}
    c.append(case("Default value in a condition: missing principal tag falls back to 'unowned'", V_DEFAULT,
                  request([policy(allow("ec2:StopInstances", "*", owner))], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/owner": "unowned"}), "Allow"))
    c.append(case("Default value in a condition: present principal tag is used instead", V_DEFAULT,
                  request([policy(allow("ec2:StopInstances", "*", owner))], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/owner": "unowned", "aws:PrincipalTag/owner": "alice"}), "ImplicitDeny"))
    # Missing variable without default
    c.append(_res("Role session has no aws:username: ${aws:username} in Resource matches nothing", V_PRINCIPAL, HOME,
                  f"{BUCKET_ARN}/home/alice-session/readme.txt", "ImplicitDeny", principal=ROLE_SESSION))
    c.append(_res("Unresolved ${aws:username} is not kept as literal text (2012-10-17)", V_PRINCIPAL, HOME,
                  f"{BUCKET_ARN}/home/${{aws:username}}/readme.txt", "ImplicitDeny", principal=ROLE_SESSION))
    # Version
    c.append(_res("Version 2008-10-17: ${aws:username} is literal text, so alice's home does not match", V,
                  HOME, f"{BUCKET_ARN}/home/alice/notes.txt", "ImplicitDeny", version="2008-10-17"))
    c.append(_res("Version 2008-10-17: ${aws:username} matches an object literally named ${aws:username}", V,
                  HOME, f"{BUCKET_ARN}/home/${{aws:username}}/notes.txt", "Allow", version="2008-10-17"))
    c.append(_res("No Version element: ${aws:username} is literal text, so alice's home does not match", V,
                  HOME, f"{BUCKET_ARN}/home/alice/notes.txt", "ImplicitDeny", version=None))
    c.append(_res("No Version element: ${aws:username} matches an object literally named ${aws:username}", V,
                  HOME, f"{BUCKET_ARN}/home/${{aws:username}}/notes.txt", "Allow", version=None))
    c.append(case("Version 2008-10-17 in a condition: ${aws:username} is compared as literal text", V,
                  request([policy(allow(cond={"StringEquals": {"aws:PrincipalTag/owner": "${aws:username}"}}),
                                  version="2008-10-17")], context={"aws:PrincipalTag/owner": "alice"}),
                  "ImplicitDeny"))
    # Variables in Deny statements
    protected = deny("s3:DeleteObject", f"{BUCKET_ARN}/home/${{aws:username}}/protected/*")
    c.append(case("Deny with ${aws:username} in Resource denies deleting the own protected files", V_RES,
                  request([policy(allow("s3:*", f"{BUCKET_ARN}/*", sid="AllowBucket"), protected)],
                          "s3:DeleteObject", f"{BUCKET_ARN}/home/alice/protected/tax.pdf"), "ExplicitDeny"))
    c.append(case("Deny with ${aws:username} in Resource does not touch another user's protected files", V_RES,
                  request([policy(allow("s3:*", f"{BUCKET_ARN}/*", sid="AllowBucket"), protected)],
                          "s3:DeleteObject", f"{BUCKET_ARN}/home/bob/protected/tax.pdf"), "Allow"))
    not_owner = deny("ec2:StopInstances", "*", {"StringNotEquals": {"aws:ResourceTag/owner": "${aws:username}"}})
    c.append(case("Deny when aws:ResourceTag/owner is not ${aws:username}: someone else's instance", V_COND,
                  request([policy(allow("ec2:*", "*", sid="AllowEc2"), not_owner)], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/owner": "bob"}), "ExplicitDeny"))
    c.append(case("Deny when aws:ResourceTag/owner is not ${aws:username}: own instance is allowed", V_COND,
                  request([policy(allow("ec2:*", "*", sid="AllowEc2"), not_owner)], "ec2:StopInstances", inst,
                          {"aws:ResourceTag/owner": "alice"}), "Allow"))
    return c
