"""Cases for Action, Resource, NotAction and NotResource matching."""

from corpus_b_common import *  # noqa: F401,F403


def _action(title, pattern, requested, expected, resource="*", req_resource=OBJ, doc=ACTION):
    return case(title, doc,
                request([policy(allow(pattern, resource))], requested, req_resource), expected)


def match_action():
    c = []
    c.append(_action("Exact action name matches", "s3:GetObject", "s3:GetObject", "Allow"))
    c.append(_action("Different action of the same service does not match", "s3:GetObject",
                     "s3:PutObject", "ImplicitDeny", req_resource=OBJ))
    c.append(_action("Action name in policy is case-insensitive (lower case)", "s3:getobject",
                     "s3:GetObject", "Allow"))
    c.append(_action("Service prefix in policy is case-insensitive (IAM:listaccesskeys)",
                     "IAM:listaccesskeys", "iam:ListAccessKeys", "Allow",
                     req_resource=f"arn:aws:iam::{ACCOUNT}:user/alice"))
    c.append(_action("Requested action in mixed case still matches", "iam:ListAccessKeys",
                     "IAM:LISTACCESSKEYS", "Allow", req_resource=f"arn:aws:iam::{ACCOUNT}:user/alice"))
    c.append(_action("Service wildcard s3:* matches any S3 action", "s3:*", "s3:DeleteObject", "Allow"))
    c.append(_action("Service wildcard s3:* does not match an IAM action", "s3:*", "iam:CreateUser",
                     "ImplicitDeny", req_resource=f"arn:aws:iam::{ACCOUNT}:user/bob"))
    c.append(_action("Bare * action matches every action", "*", "ec2:TerminateInstances", "Allow",
                     req_resource=f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678"))
    c.append(_action("Prefix wildcard s3:Get* matches s3:GetObjectAcl", "s3:Get*", "s3:GetObjectAcl",
                     "Allow"))
    c.append(_action("Prefix wildcard s3:Get* does not match s3:PutObject", "s3:Get*", "s3:PutObject",
                     "ImplicitDeny"))
    iam_user = f"arn:aws:iam::{ACCOUNT}:user/alice"
    c.append(_action("Infix wildcard iam:*AccessKey* matches iam:CreateAccessKey", "iam:*AccessKey*",
                     "iam:CreateAccessKey", "Allow", req_resource=iam_user))
    c.append(_action("Infix wildcard iam:*AccessKey* matches iam:ListAccessKeys", "iam:*AccessKey*",
                     "iam:ListAccessKeys", "Allow", req_resource=iam_user))
    c.append(_action("Infix wildcard iam:*AccessKey* matches iam:UpdateAccessKey", "iam:*AccessKey*",
                     "iam:UpdateAccessKey", "Allow", req_resource=iam_user))
    c.append(_action("Infix wildcard iam:*AccessKey* does not match iam:GetUser", "iam:*AccessKey*",
                     "iam:GetUser", "ImplicitDeny", req_resource=iam_user))
    c.append(_action("Wildcard match is case-insensitive (s3:get*object matches s3:GetObject)",
                     "s3:get*object", "s3:GetObject", "Allow"))
    c.append(_action("Action without wildcard is not a prefix: s3:GetObject does not match s3:GetObjectAcl",
                     "s3:GetObject", "s3:GetObjectAcl", "ImplicitDeny"))
    c.append(_action("Single-character wildcard ? matches exactly one character (s3:?etObject)",
                     "s3:?etObject", "s3:GetObject", "Allow"))
    c.append(_action("Single-character wildcard ? needs exactly one character (s3:GetObject? vs s3:GetObject)",
                     "s3:GetObject?", "s3:GetObject", "ImplicitDeny"))
    c.append(_action("Single-character wildcard ? does not match two characters", "s3:Get?bject",
                     "s3:GetObjectAcl", "ImplicitDeny"))
    c.append(case("Action list matches when any listed action matches", ACTION,
                  request([policy(allow(["sqs:SendMessage", "s3:GetObject", "iam:ChangePassword"]))]),
                  "Allow"))
    c.append(case("Action list with no matching entry gives implicit deny", ACTION,
                  request([policy(allow(["sqs:SendMessage", "ec2:StartInstances"]))]), "ImplicitDeny"))
    c.append(case("Deny with wildcard action overrides a specific Allow", ACTION,
                  request([policy(allow("s3:GetObject"), deny("s3:*"))]), "ExplicitDeny"))
    c.append(case("Deny with a non-matching wildcard action leaves the Allow in force", ACTION,
                  request([policy(allow("s3:GetObject"), deny("s3:Put*"))]), "Allow"))
    c.append(case("Same action name in another service prefix does not match", ACTION,
                  request([policy(allow("ec2:DescribeTags"))], "autoscaling:DescribeTags", None),
                  "ImplicitDeny"))
    return c


def _res(title, pattern, requested, expected, action="s3:GetObject", doc=RESOURCE):
    return case(title, doc, request([policy(allow(action, pattern))], action, requested), expected)


def match_resource():
    c = []
    c.append(_res("Exact object ARN matches", OBJ, OBJ, "Allow"))
    c.append(_res("Resource match is case-sensitive in the object key", f"{BUCKET_ARN}/Reports/q1.csv",
                  OBJ, "ImplicitDeny"))
    c.append(_res("Resource match is case-sensitive in the bucket name", "arn:aws:s3:::AMZN-S3-DEMO-BUCKET/*",
                  OBJ, "ImplicitDeny"))
    c.append(_res("Resource * matches any resource", "*", OBJ, "Allow"))
    c.append(_res("Trailing * in the resource part spans / (bucket/*)", f"{BUCKET_ARN}/*",
                  f"{BUCKET_ARN}/a/b/c/deep.txt", "Allow"))
    c.append(_res("Bucket ARN alone does not match an object in the bucket", BUCKET_ARN, OBJ, "ImplicitDeny"))
    c.append(_res("bucket/* does not match the bucket ARN itself", f"{BUCKET_ARN}/*", BUCKET_ARN,
                  "ImplicitDeny", action="s3:ListBucket"))
    c.append(_res("Object in another bucket does not match bucket/*", f"{BUCKET_ARN}/*",
                  "arn:aws:s3:::amzn-s3-demo-bucket2/reports/q1.csv", "ImplicitDeny"))
    c.append(_res("Wildcard inside the key (reports/*.csv) matches q1.csv", f"{BUCKET_ARN}/reports/*.csv",
                  OBJ, "Allow"))
    c.append(_res("Wildcard inside the key (reports/*.csv) does not match a .txt object",
                  f"{BUCKET_ARN}/reports/*.csv", f"{BUCKET_ARN}/reports/q1.txt", "ImplicitDeny"))
    c.append(_res("? matches exactly one character in the resource (reports/q?.csv)",
                  f"{BUCKET_ARN}/reports/q?.csv", f"{BUCKET_ARN}/reports/q4.csv", "Allow"))
    c.append(_res("? does not match two characters (reports/q?.csv vs q10.csv)",
                  f"{BUCKET_ARN}/reports/q?.csv", f"{BUCKET_ARN}/reports/q10.csv", "ImplicitDeny"))
    acct = f"arn:aws:iam::{ACCOUNT}:user/accounting/*"
    c.append(_res("IAM user path wildcard user/accounting/* matches a user in that path", acct,
                  f"arn:aws:iam::{ACCOUNT}:user/accounting/bob", "Allow", action="iam:GetUser"))
    c.append(_res("IAM user path wildcard user/accounting/* matches a nested path", acct,
                  f"arn:aws:iam::{ACCOUNT}:user/accounting/east/carol", "Allow", action="iam:GetUser"))
    c.append(_res("IAM user path wildcard user/accounting/* does not match a user at the root path", acct,
                  f"arn:aws:iam::{ACCOUNT}:user/bob", "ImplicitDeny", action="iam:GetUser"))
    table = "arn:aws:dynamodb:*:111122223333:table/books_table"
    c.append(_res("Wildcard region segment matches any region", table,
                  "arn:aws:dynamodb:us-east-2:111122223333:table/books_table", "Allow",
                  action="dynamodb:GetItem"))
    c.append(_res("Wildcard region segment still requires the same account", table,
                  "arn:aws:dynamodb:us-east-2:444455556666:table/books_table", "ImplicitDeny",
                  action="dynamodb:GetItem"))
    c.append(_res("Wildcard account segment matches the account in the ARN",
                  "arn:aws:dynamodb:us-east-2:*:table/books_table",
                  "arn:aws:dynamodb:us-east-2:111122223333:table/books_table", "Allow", action="dynamodb:GetItem"))
    c.append(_res("Specific region does not match a table in another region",
                  "arn:aws:dynamodb:us-east-2:111122223333:table/books_table",
                  "arn:aws:dynamodb:eu-west-1:111122223333:table/books_table", "ImplicitDeny",
                  action="dynamodb:GetItem"))
    c.append(_res("Instance ID wildcard instance/i-* matches an instance",
                  f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-*",
                  f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678", "Allow",
                  action="ec2:StopInstances"))
    c.append(_res("Queue name wildcard queue? matches queue1", f"arn:aws:sqs:us-east-2:{ACCOUNT}:queue?",
                  f"arn:aws:sqs:us-east-2:{ACCOUNT}:queue1", "Allow", action="sqs:SendMessage"))
    c.append(_res("Queue name wildcard queue? does not match queue10", f"arn:aws:sqs:us-east-2:{ACCOUNT}:queue?",
                  f"arn:aws:sqs:us-east-2:{ACCOUNT}:queue10", "ImplicitDeny", action="sqs:SendMessage"))
    c.append(case("Resource list matches when any listed ARN matches", RESOURCE,
                  request([policy(allow("dynamodb:GetItem", [
                      "arn:aws:dynamodb:us-east-2:111122223333:table/books_table",
                      "arn:aws:dynamodb:us-east-2:111122223333:table/magazines_table"]))],
                      "dynamodb:GetItem", "arn:aws:dynamodb:us-east-2:111122223333:table/magazines_table"),
                  "Allow"))
    c.append(case("Resource list with no matching ARN gives implicit deny", RESOURCE,
                  request([policy(allow("dynamodb:GetItem", [
                      "arn:aws:dynamodb:us-east-2:111122223333:table/books_table",
                      "arn:aws:dynamodb:us-east-2:111122223333:table/magazines_table"]))],
                      "dynamodb:GetItem", "arn:aws:dynamodb:us-east-2:111122223333:table/comics_table"),
                  "ImplicitDeny"))
    c.append(case("Deny on bucket/secret/* overrides Allow on bucket/*", RESOURCE,
                  request([policy(allow("s3:GetObject", f"{BUCKET_ARN}/*"),
                                  deny("s3:GetObject", f"{BUCKET_ARN}/secret/*"))],
                          resource=f"{BUCKET_ARN}/secret/keys.txt"), "ExplicitDeny"))
    c.append(case("Deny on bucket/secret/* does not touch other prefixes", RESOURCE,
                  request([policy(allow("s3:GetObject", f"{BUCKET_ARN}/*"),
                                  deny("s3:GetObject", f"{BUCKET_ARN}/secret/*"))]), "Allow"))
    return c


def match_not():
    c = []
    iam_user = f"arn:aws:iam::{ACCOUNT}:user/bob"
    c.append(case("Allow with NotAction iam:* allows an S3 action", NOTACTION,
                  request([policy(allow(None, "*", not_action="iam:*"))]), "Allow"))
    c.append(case("Allow with NotAction iam:* does not allow an IAM action", NOTACTION,
                  request([policy(allow(None, "*", not_action="iam:*"))], "iam:CreateUser", iam_user),
                  "ImplicitDeny"))
    c.append(case("NotAction matching is case-insensitive (IAM:* excludes iam:CreateUser)", NOTACTION,
                  request([policy(allow(None, "*", not_action="IAM:*"))], "iam:CreateUser", iam_user),
                  "ImplicitDeny"))
    c.append(case("Allow with NotAction list excludes each listed action", NOTACTION,
                  request([policy(allow(None, "*", not_action=["s3:DeleteObject", "s3:DeleteBucket"]))],
                          "s3:DeleteBucket", BUCKET_ARN), "ImplicitDeny"))
    c.append(case("Allow with NotAction list still allows an action not listed", NOTACTION,
                  request([policy(allow(None, "*", not_action=["s3:DeleteObject", "s3:DeleteBucket"]))],
                          "s3:PutObject"), "Allow"))
    c.append(case("Deny with NotAction denies every action not listed", NOTACTION,
                  request([policy(allow("*", "*", sid="AllowAll"),
                                  deny(None, "*", not_action=["iam:ChangePassword", "iam:GetUser"]))]),
                  "ExplicitDeny"))
    c.append(case("Deny with NotAction does not deny a listed action", NOTACTION,
                  request([policy(allow("*", "*", sid="AllowAll"),
                                  deny(None, "*", not_action=["iam:ChangePassword", "iam:GetUser"]))],
                          "iam:GetUser", f"arn:aws:iam::{ACCOUNT}:user/alice"), "Allow"))
    c.append(case("Deny with NotAction only where MFA is absent: no MFA key denies S3", NOTACTION,
                  request([policy(allow("*", "*", sid="AllowAll"),
                                  deny(None, "*", {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
                                       sid="DenyAllExceptListedIfNoMFA",
                                       not_action=["iam:ListUsers", "iam:ListVirtualMFADevices"]))]),
                  "ExplicitDeny"))
    c.append(case("Deny with NotAction only where MFA is absent: MFA true is not denied", NOTACTION,
                  request([policy(allow("*", "*", sid="AllowAll"),
                                  deny(None, "*", {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
                                       sid="DenyAllExceptListedIfNoMFA",
                                       not_action=["iam:ListUsers", "iam:ListVirtualMFADevices"]))],
                          context={"aws:MultiFactorAuthPresent": "true"}), "Allow"))
    secret = f"{BUCKET_ARN}/secret/*"
    c.append(case("Allow with NotResource allows a resource outside the excluded prefix", NOTRESOURCE,
                  request([policy(allow("s3:GetObject", None, not_resource=secret))]), "Allow"))
    c.append(case("Allow with NotResource does not allow the excluded resource", NOTRESOURCE,
                  request([policy(allow("s3:GetObject", None, not_resource=secret))],
                          resource=f"{BUCKET_ARN}/secret/keys.txt"), "ImplicitDeny"))
    c.append(case("NotResource matching is case-sensitive (Secret/* does not exclude secret/)", NOTRESOURCE,
                  request([policy(allow("s3:GetObject", None, not_resource=f"{BUCKET_ARN}/Secret/*"))],
                          resource=f"{BUCKET_ARN}/secret/keys.txt"), "Allow"))
    only_bucket = [BUCKET_ARN, f"{BUCKET_ARN}/*"]
    c.append(case("Deny with NotResource denies access to any other bucket", NOTRESOURCE,
                  request([policy(allow("s3:*", "*", sid="AllowS3"),
                                  deny("s3:*", None, not_resource=only_bucket))],
                          resource="arn:aws:s3:::amzn-s3-demo-bucket2/data.csv"), "ExplicitDeny"))
    c.append(case("Deny with NotResource does not deny the listed bucket's objects", NOTRESOURCE,
                  request([policy(allow("s3:*", "*", sid="AllowS3"),
                                  deny("s3:*", None, not_resource=only_bucket))]), "Allow"))
    c.append(case("Deny with NotResource does not deny the listed bucket itself", NOTRESOURCE,
                  request([policy(allow("s3:*", "*", sid="AllowS3"),
                                  deny("s3:*", None, not_resource=only_bucket))],
                          "s3:ListBucket", BUCKET_ARN), "Allow"))
    c.append(case("NotAction with NotResource: allowed outside both exclusions", NOTRESOURCE,
                  request([policy(allow(None, None, not_action="s3:DeleteObject", not_resource=secret))],
                          "s3:PutObject"), "Allow"))
    c.append(case("NotAction with NotResource: excluded action is not allowed", NOTRESOURCE,
                  request([policy(allow(None, None, not_action="s3:DeleteObject", not_resource=secret))],
                          "s3:DeleteObject"), "ImplicitDeny"))
    c.append(case("NotAction with NotResource: excluded resource is not allowed", NOTRESOURCE,
                  request([policy(allow(None, None, not_action="s3:DeleteObject", not_resource=secret))],
                          "s3:PutObject", f"{BUCKET_ARN}/secret/keys.txt"), "ImplicitDeny"))
    return c
