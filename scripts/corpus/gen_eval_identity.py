"""Cases: identity-based policies alone, explicit vs implicit deny, permissions boundaries."""

import json

from corpus_lib import (A, B, allow, aws, bucket, case, deny, obj, pol, role, session, stmt, user)

ALICE = user("alice")
DEV_ROLE = role("DevRole")
DEV_SESSION = session("DevRole", "alice-cli")

S3_READ = pol(allow(["s3:GetObject", "s3:ListBucket"], [bucket("reports-111122223333"), obj("reports-111122223333", "*")]))

# AWS's own example from "Policy evaluation for requests within a single account".
CARLOS_POLICY = pol(
    allow(["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock", "s3:ListAccessPoints", "s3:ListAllMyBuckets"],
          "arn:aws:s3:::*", sid="AllowS3ListRead"),
    allow("s3:*", ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"], sid="AllowS3Self"),
    deny("s3:*", "arn:aws:s3:::*log*", sid="DenyS3Logs"),
)
CARLOS = user("carlossalazar")

# AWS's example from "The difference between explicit and implicit denies".
GET_LIST_NO_REPORTS = pol(
    allow(["iam:Get*", "iam:List*"], "*", sid="AllowGetList"),
    deny("iam:*Report", "*", sid="DenyReports"),
)


def identity_cases():
    c = []
    c.append(case("IAM user with no policies at all is implicitly denied", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj("reports-111122223333", "q1.csv")))
    c.append(case("IAM user with an empty list of identity policies is implicitly denied", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="s3:ListBucket", resource=bucket("reports-111122223333"), identityPolicies=[]))
    c.append(case("Identity policy allowing the exact action and resource allows", "basics", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj("reports-111122223333", "q1.csv"),
                  identityPolicies=[S3_READ]))
    c.append(case("Identity policy allowing another action leaves the request implicitly denied", "interplay", "ImplicitDeny",
                  principal=ALICE, action="s3:PutObject", resource=obj("reports-111122223333", "q1.csv"),
                  identityPolicies=[S3_READ]))
    c.append(case("Identity policy allowing the action on another bucket leaves the request implicitly denied", "interplay", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj("payroll-111122223333", "june.csv"),
                  identityPolicies=[S3_READ]))
    c.append(case("One of several identity policies allowing is enough", "eval", "Allow",
                  principal=ALICE, action="ec2:DescribeInstances", resource="*",
                  identityPolicies=[S3_READ, pol(allow("ec2:DescribeInstances"))]))
    c.append(case("Identity policy passed as a JSON string is evaluated like an object", "basics", "Allow",
                  principal=ALICE, action="ec2:DescribeInstances", resource="*",
                  identityPolicies=[json.dumps(pol(allow("ec2:DescribeInstances")))]))
    c.append(case("Identity policy whose Statement is a single object, not an array, allows", "basics", "Allow",
                  principal=ALICE, action="iam:GetUser", resource=ALICE,
                  identityPolicies=[{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:GetUser", "Resource": ALICE}}]))
    c.append(case("Identity policy with only a Deny statement gives an explicit deny, not an implicit one", "interplay", "ExplicitDeny",
                  principal=ALICE, action="s3:DeleteBucket", resource=bucket("reports-111122223333"),
                  identityPolicies=[pol(deny("s3:DeleteBucket"))]))
    c.append(case("Deny statement for an unrelated action does not stop an allowed request", "interplay", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj("reports-111122223333", "q1.csv"),
                  identityPolicies=[S3_READ, pol(deny("s3:DeleteObject"))]))
    c.append(case("Role session gets the permissions of the role's identity policies", "basics", "Allow",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="s3:ListBucket", resource=bucket("reports-111122223333"),
                  identityPolicies=[S3_READ]))
    c.append(case("Role session whose role has no policies is implicitly denied", "denyallow", "ImplicitDeny",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="s3:ListBucket", resource=bucket("reports-111122223333")))
    c.append(case("IAM role ARN as caller with an allowing identity policy is allowed", "basics", "Allow",
                  principal=DEV_ROLE, action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-1:{A}:orders",
                  identityPolicies=[pol(allow("sqs:SendMessage", f"arn:aws:sqs:us-east-1:{A}:orders"))]))
    c.append(case("Carlos writing to his own bucket is allowed by AllowS3Self", "basics", "Allow",
                  principal=CARLOS, action="s3:PutObject", resource="arn:aws:s3:::carlossalazar/notes.txt",
                  identityPolicies=[CARLOS_POLICY]))
    c.append(case("Carlos writing to carlossalazar-logs is explicitly denied by DenyS3Logs", "basics", "ExplicitDeny",
                  principal=CARLOS, action="s3:PutObject", resource="arn:aws:s3:::carlossalazar-logs/notes.txt",
                  identityPolicies=[CARLOS_POLICY]))
    c.append(case("Carlos listing all his buckets is allowed by AllowS3ListRead", "basics", "Allow",
                  principal=CARLOS, action="s3:ListAllMyBuckets", resource="arn:aws:s3:::*",
                  identityPolicies=[CARLOS_POLICY]))
    c.append(case("Carlos reading another user's bucket is implicitly denied", "basics", "ImplicitDeny",
                  principal=CARLOS, action="s3:GetObject", resource="arn:aws:s3:::shirley/notes.txt",
                  identityPolicies=[CARLOS_POLICY]))
    c.append(case("AllowGetList permits iam:GetUser", "interplay", "Allow",
                  principal=ALICE, action="iam:GetUser", resource=user("bob"), identityPolicies=[GET_LIST_NO_REPORTS]))
    c.append(case("AllowGetList leaves iam:CreatePolicy implicitly denied", "interplay", "ImplicitDeny",
                  principal=ALICE, action="iam:CreatePolicy", resource=f"arn:aws:iam::{A}:policy/Audit",
                  identityPolicies=[GET_LIST_NO_REPORTS]))
    c.append(case("DenyReports explicitly denies iam:GenerateCredentialReport", "interplay", "ExplicitDeny",
                  principal=ALICE, action="iam:GenerateCredentialReport", resource="*", identityPolicies=[GET_LIST_NO_REPORTS]))
    c.append(case("DenyReports beats AllowGetList for iam:GetCredentialReport", "interplay", "ExplicitDeny",
                  principal=ALICE, action="iam:GetCredentialReport", resource="*", identityPolicies=[GET_LIST_NO_REPORTS]))
    c.append(case("A second policy allowing reports cannot undo DenyReports", "interplay", "ExplicitDeny",
                  principal=ALICE, action="iam:GenerateCredentialReport", resource="*",
                  identityPolicies=[GET_LIST_NO_REPORTS, pol(allow("iam:GenerateCredentialReport"))]))
    c.append(case("Federated user session with an allowing identity policy and session policy is allowed", "policies", "Allow",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:GetObject", resource=obj("reports-111122223333", "q1.csv"),
                  identityPolicies=[S3_READ], sessionPolicy=S3_READ))
    return c


XCOMPANY_BOUNDARY = pol(
    allow(["s3:*", "cloudwatch:*", "ec2:*", "dynamodb:*"], "*", sid="ServiceBoundaries"),
    allow(["iam:ListUsers", "iam:GetAccountPasswordPolicy"], "*", sid="AllowIAMConsoleForCredentials"),
    deny("s3:*", ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"], sid="DenyS3Logs"),
    deny("ec2:*", "arn:aws:ec2:*:*:instance/i-1234567890abcdef0", sid="DenyEC2Production"),
)
SHIRLEY = user("ShirleyRodriguez")
SHIRLEY_BOUNDARY = pol(allow(["s3:*", "cloudwatch:*", "ec2:*"], "*"))
ZHANG = user("Zhang")
DELEGATED_USER_BOUNDARY = pol(
    stmt("Allow", ["iam:CreateUser", "iam:DeleteUserPolicy", "iam:AttachUserPolicy", "iam:DetachUserPolicy",
                   "iam:PutUserPermissionsBoundary"], "*", sid="CreateOrChangeOnlyWithBoundary",
         condition={"StringEquals": {"iam:PermissionsBoundary": f"arn:aws:iam::{A}:policy/XCompanyBoundaries"}}),
    allow(["cloudwatch:*", "iam:GetUser", "iam:ListUsers", "iam:DeleteUser", "iam:UpdateUser"], "*",
          sid="CloudWatchAndOtherIAMTasks"),
    deny("iam:DeleteUserPermissionsBoundary", "*", sid="NoBoundaryUserDelete"),
)
DELEGATED_USER_PERMISSIONS = pol(allow("iam:*", "*", sid="IAM"))
DATA_BUCKET = "analytics-111122223333"


def boundary_cases():
    c = []
    c.append(case("Boundary limits Shirley: iam:CreateUser allowed by identity policy but not by boundary", "boundaries", "ImplicitDeny",
                  principal=SHIRLEY, action="iam:CreateUser", resource=user("newhire"),
                  identityPolicies=[pol(allow("iam:CreateUser"))], permissionsBoundary=SHIRLEY_BOUNDARY))
    c.append(case("Action allowed by both identity policy and boundary is allowed", "boundaries", "Allow",
                  principal=SHIRLEY, action="ec2:StartInstances", resource=f"arn:aws:ec2:us-east-1:{A}:instance/i-0abc1234def567890",
                  identityPolicies=[pol(allow("ec2:StartInstances"))], permissionsBoundary=SHIRLEY_BOUNDARY))
    c.append(case("Boundary on its own grants nothing", "boundaries", "ImplicitDeny",
                  principal=SHIRLEY, action="s3:ListBucket", resource=bucket(DATA_BUCKET),
                  permissionsBoundary=SHIRLEY_BOUNDARY))
    c.append(case("Boundary allows the action but no identity policy does", "boundaries", "ImplicitDeny",
                  principal=SHIRLEY, action="cloudwatch:PutMetricData", resource="*",
                  identityPolicies=[pol(allow("ec2:DescribeInstances"))], permissionsBoundary=SHIRLEY_BOUNDARY))
    c.append(case("Boundary given as a JSON string limits like an object", "boundaries", "ImplicitDeny",
                  principal=SHIRLEY, action="iam:CreateUser", resource=user("newhire"),
                  identityPolicies=[pol(allow("iam:*"))], permissionsBoundary=json.dumps(SHIRLEY_BOUNDARY)))
    c.append(case("XCompanyBoundaries DenyS3Logs explicitly denies even with s3:* in the identity policy", "boundaries", "ExplicitDeny",
                  principal=user("newhire"), action="s3:GetObject", resource="arn:aws:s3:::logs/app.log",
                  identityPolicies=[pol(allow("s3:*"))], permissionsBoundary=XCOMPANY_BOUNDARY))
    c.append(case("XCompanyBoundaries DenyEC2Production explicitly denies stopping the production instance", "boundaries", "ExplicitDeny",
                  principal=user("newhire"), action="ec2:StopInstances", resource=f"arn:aws:ec2:us-east-1:{A}:instance/i-1234567890abcdef0",
                  identityPolicies=[pol(allow("ec2:*"))], permissionsBoundary=XCOMPANY_BOUNDARY))
    c.append(case("XCompanyBoundaries allows DynamoDB work the identity policy grants", "boundaries", "Allow",
                  principal=user("newhire"), action="dynamodb:PutItem", resource=f"arn:aws:dynamodb:us-east-1:{A}:table/Orders",
                  identityPolicies=[pol(allow("dynamodb:PutItem", f"arn:aws:dynamodb:us-east-1:{A}:table/Orders"))],
                  permissionsBoundary=XCOMPANY_BOUNDARY))
    c.append(case("XCompanyBoundaries leaves iam:CreateRole outside the boundary", "boundaries", "ImplicitDeny",
                  principal=user("newhire"), action="iam:CreateRole", resource=role("Escalate"),
                  identityPolicies=[pol(allow("iam:*"))], permissionsBoundary=XCOMPANY_BOUNDARY))
    c.append(case("Zhang may create a user only with the XCompanyBoundaries boundary: matching boundary allowed", "boundaries", "Allow",
                  principal=ZHANG, action="iam:CreateUser", resource=user("newhire"),
                  context={"iam:PermissionsBoundary": f"arn:aws:iam::{A}:policy/XCompanyBoundaries"},
                  identityPolicies=[DELEGATED_USER_PERMISSIONS], permissionsBoundary=DELEGATED_USER_BOUNDARY))
    c.append(case("Zhang creating a user with another boundary falls outside his own boundary", "boundaries", "ImplicitDeny",
                  principal=ZHANG, action="iam:CreateUser", resource=user("newhire"),
                  context={"iam:PermissionsBoundary": f"arn:aws:iam::{A}:policy/AdminEverything"},
                  identityPolicies=[DELEGATED_USER_PERMISSIONS], permissionsBoundary=DELEGATED_USER_BOUNDARY))
    c.append(case("Zhang cannot delete a permissions boundary: NoBoundaryUserDelete denies despite iam:*", "boundaries", "ExplicitDeny",
                  principal=ZHANG, action="iam:DeleteUserPermissionsBoundary", resource=user("newhire"),
                  identityPolicies=[DELEGATED_USER_PERMISSIONS], permissionsBoundary=DELEGATED_USER_BOUNDARY))
    c.append(case("Zhang's iam:* does not reach iam:CreateRole, which his boundary leaves out", "boundaries", "ImplicitDeny",
                  principal=ZHANG, action="iam:CreateRole", resource=role("Anything"),
                  identityPolicies=[DELEGATED_USER_PERMISSIONS], permissionsBoundary=DELEGATED_USER_BOUNDARY))
    c.append(case("Role session is limited by the role's boundary", "boundaries", "ImplicitDeny",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="iam:CreateUser", resource=user("backdoor"),
                  identityPolicies=[pol(allow("*", "*"))], permissionsBoundary=SHIRLEY_BOUNDARY))
    c.append(case("Role session inside its role's boundary is allowed", "boundaries", "Allow",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="s3:PutObject", resource=obj(DATA_BUCKET, "raw/a.json"),
                  identityPolicies=[pol(allow("*", "*"))], permissionsBoundary=SHIRLEY_BOUNDARY))
    c.append(case("Same-account bucket policy naming the IAM user ARN allows although the boundary does not", "denyallow", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj(DATA_BUCKET, "raw/a.json"),
                  permissionsBoundary=pol(allow("ec2:*")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(DATA_BUCKET, "*"), principal=aws(ALICE)))))
    c.append(case("Bucket policy naming the user ARN cannot beat an explicit deny in the user's boundary", "boundaries", "ExplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(DATA_BUCKET, "raw/a.json"),
                  permissionsBoundary=pol(allow("*"), deny("s3:*", [bucket(DATA_BUCKET), obj(DATA_BUCKET, "*")])),
                  resourcePolicy=pol(allow("s3:GetObject", obj(DATA_BUCKET, "*"), principal=aws(ALICE)))))
    c.append(case("Bucket policy naming the role ARN is limited by the role's boundary", "denyallow", "ImplicitDeny",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="s3:GetObject", resource=obj(DATA_BUCKET, "raw/a.json"),
                  permissionsBoundary=pol(allow("ec2:*")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(DATA_BUCKET, "*"), principal=aws(DEV_ROLE)))))
    c.append(case("Bucket policy naming the role session ARN is not limited by the role's boundary", "denyallow", "Allow",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="s3:GetObject", resource=obj(DATA_BUCKET, "raw/a.json"),
                  permissionsBoundary=pol(allow("ec2:*")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(DATA_BUCKET, "*"), principal=aws(DEV_SESSION)))))
    c.append(case("Bucket policy naming the role ARN works when the boundary allows the action", "denyallow", "Allow",
                  principal=DEV_SESSION, sessionIssuer=DEV_ROLE, action="s3:GetObject", resource=obj(DATA_BUCKET, "raw/a.json"),
                  permissionsBoundary=pol(allow("s3:*")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(DATA_BUCKET, "*"), principal=aws(DEV_ROLE)))))
    c.append(case("Boundary, SCP and identity policy all allowing: allowed", "boundaries", "Allow",
                  principal=ALICE, action="cloudwatch:GetMetricData", resource="*",
                  identityPolicies=[pol(allow("cloudwatch:GetMetricData"))], permissionsBoundary=SHIRLEY_BOUNDARY,
                  scps=[[pol(allow("*"))], [pol(allow("cloudwatch:*"))]]))
    c.append(case("Boundary and identity policy allow but the SCP does not", "boundaries", "ImplicitDeny",
                  principal=ALICE, action="cloudwatch:GetMetricData", resource="*",
                  identityPolicies=[pol(allow("cloudwatch:GetMetricData"))], permissionsBoundary=SHIRLEY_BOUNDARY,
                  scps=[[pol(allow("*"))], [pol(allow("s3:*"))]]))
    return c
