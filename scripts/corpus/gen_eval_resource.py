"""Cases: resource-based policies in the same account, across accounts, session policies, KMS key policies."""

import json

from corpus_lib import (A, B, allow, aws, bucket, case, deny, obj, pol, role, root, session, user)

ALICE = user("alice")
BOB = user("bob")
APP_ROLE = role("AppRole")
APP_SESSION = session("AppRole", "worker-1")
BUCKET = "team-docs-111122223333"
QUEUE = f"arn:aws:sqs:us-east-1:{A}:orders"
TOPIC = f"arn:aws:sns:us-east-1:{A}:alerts"
KEY = f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
DOC = obj(BUCKET, "plans/2025.md")


def bp(principal, action="s3:GetObject", resource=obj(BUCKET, "*")):
    """A one-statement bucket policy granting action to principal."""
    return pol(allow(action, resource, principal=principal))


def same_account_cases():
    c = []
    c.append(case("Bucket policy naming the user grants access with no identity policy", "denyallow", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=DOC, resourcePolicy=bp(aws(ALICE))))
    c.append(case("Bucket policy and identity policy both allowing: allowed", "basics", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")))], resourcePolicy=bp(aws(ALICE))))
    c.append(case("Identity policy allows and the bucket policy names someone else: allowed", "basics", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")))], resourcePolicy=bp(aws(BOB))))
    c.append(case("Bucket policy names another user and no identity policy allows", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=DOC, resourcePolicy=bp(aws(BOB))))
    c.append(case("Bucket policy grants the user another action only", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="s3:PutObject", resource=DOC, resourcePolicy=bp(aws(ALICE))))
    c.append(case("Bucket policy grants the user objects under another prefix only", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=DOC,
                  resourcePolicy=bp(aws(ALICE), resource=obj(BUCKET, "public/*"))))
    c.append(case("Queue policy naming the role ARN grants its session without identity policies", "denyallow", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="sqs:ReceiveMessage", resource=QUEUE,
                  resourcePolicy=pol(allow("sqs:ReceiveMessage", QUEUE, principal=aws(APP_ROLE)))))
    c.append(case("Queue policy naming the session ARN grants that session without identity policies", "denyallow", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="sqs:ReceiveMessage", resource=QUEUE,
                  resourcePolicy=pol(allow("sqs:ReceiveMessage", QUEUE, principal=aws(APP_SESSION)))))
    c.append(case("Queue policy naming one session does not grant another session of the same role", "principal", "ImplicitDeny",
                  principal=session("AppRole", "worker-2"), sessionIssuer=APP_ROLE, action="sqs:ReceiveMessage", resource=QUEUE,
                  resourcePolicy=pol(allow("sqs:ReceiveMessage", QUEUE, principal=aws(APP_SESSION)))))
    c.append(case("Topic policy naming a different role does not grant this role's session", "denyallow", "ImplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="sns:Publish", resource=TOPIC,
                  resourcePolicy=pol(allow("sns:Publish", TOPIC, principal=aws(role("OtherRole"))))))
    c.append(case("Bucket policy with Principal \"*\" grants a same-account user with no identity policy", "principal", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=DOC, resourcePolicy=bp("*")))
    c.append(case("Bucket policy with Principal {\"AWS\": \"*\"} grants a same-account role session", "principal", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC, resourcePolicy=bp(aws("*"))))
    c.append(case("Bucket policy naming the account grants nothing to a user without an identity policy", "policies", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=DOC, resourcePolicy=bp(aws(root(A)))))
    c.append(case("Bucket policy naming the account plus the user's identity policy: allowed", "policies", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")))], resourcePolicy=bp(aws(root(A)))))
    c.append(case("Resource policy given as a JSON string grants like an object", "denyallow", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=DOC, resourcePolicy=json.dumps(bp(aws(ALICE)))))
    c.append(case("Principal array: the second listed user is granted", "principal", "Allow",
                  principal=BOB, action="s3:GetObject", resource=DOC, resourcePolicy=bp(aws(ALICE, BOB))))
    c.append(case("KMS key policy without the caller: an identity policy alone does not grant", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="kms:Decrypt", resource=KEY,
                  identityPolicies=[pol(allow("kms:Decrypt", KEY))],
                  resourcePolicy=pol(allow("kms:*", "*", principal=aws(role("KeyAdmin"))))))
    c.append(case("KMS key policy delegating to the account plus an identity policy: allowed", "kms", "Allow",
                  principal=ALICE, action="kms:Decrypt", resource=KEY,
                  identityPolicies=[pol(allow("kms:Decrypt", KEY))],
                  resourcePolicy=pol(allow("kms:*", "*", principal=aws(root(A)), sid="Enable IAM User Permissions"))))
    c.append(case("KMS key policy delegating to the account but no identity policy", "kms", "ImplicitDeny",
                  principal=ALICE, action="kms:Decrypt", resource=KEY,
                  resourcePolicy=pol(allow("kms:*", "*", principal=aws(root(A)), sid="Enable IAM User Permissions"))))
    c.append(case("KMS key policy naming the user grants without an identity policy", "kms", "Allow",
                  principal=ALICE, action="kms:Encrypt", resource=KEY,
                  resourcePolicy=pol(allow(["kms:Encrypt", "kms:Decrypt"], "*", principal=aws(ALICE)))))
    return c


CAROL = user("carol", B)
AUDIT_ROLE_B = role("AuditRole", B)
AUDIT_SESSION_B = session("AuditRole", "auditor-7", B)
SHARED = "partner-exchange-111122223333"
SHARED_OBJ = obj(SHARED, "inbound/file.csv")
CAROL_S3 = pol(allow(["s3:GetObject", "s3:PutObject"], obj(SHARED, "*")))


def cross_account_cases():
    c = []
    c.append(case("Cross-account: bucket policy names the caller but the caller has no identity policy", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  resourcePolicy=bp(aws(CAROL), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: identity policy allows but the bucket has no policy", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3]))
    c.append(case("Cross-account: identity policy allows but the bucket policy names someone else", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp(aws(user("dave", B)), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: bucket policy names the user and her identity policy allows", "cross", "Allow",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp(aws(CAROL), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: bucket policy names the account by ARN and the identity policy allows", "cross", "Allow",
                  principal=CAROL, action="s3:PutObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp(aws(root(B)), action="s3:PutObject", resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: bucket policy names the account by its 12-digit ID and the identity policy allows", "principal", "Allow",
                  principal=CAROL, action="s3:PutObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp(aws(B), action="s3:PutObject", resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: bucket policy names the account but no identity policy delegates to the user", "principal", "ImplicitDeny",
                  principal=CAROL, action="s3:PutObject", resource=SHARED_OBJ, resourceAccount=A,
                  resourcePolicy=bp(aws(B), action="s3:PutObject", resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: both sides allow different actions, so neither action is allowed", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:DeleteObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:DeleteObject", obj(SHARED, "*")))],
                  resourcePolicy=bp(aws(CAROL), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: queue policy and identity policy both allow SendMessage", "cross", "Allow",
                  principal=CAROL, action="sqs:SendMessage", resource=QUEUE,
                  identityPolicies=[pol(allow("sqs:SendMessage", QUEUE))],
                  resourcePolicy=pol(allow("sqs:SendMessage", QUEUE, principal=aws(root(B))))))
    c.append(case("Cross-account: account of the queue comes from its ARN, so a queue policy is required", "cross", "ImplicitDeny",
                  principal=CAROL, action="sqs:SendMessage", resource=QUEUE,
                  identityPolicies=[pol(allow("sqs:*", "*"))]))
    c.append(case("Cross-account: identity policy with Resource \"*\" does not reach another account's bucket by itself", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("*", "*"))]))
    c.append(case("Cross-account: bucket policy names the role, its session's identity policy allows", "cross", "Allow",
                  principal=AUDIT_SESSION_B, sessionIssuer=AUDIT_ROLE_B, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", obj(SHARED, "*")))],
                  resourcePolicy=bp(aws(AUDIT_ROLE_B), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: bucket policy names the role but the session's identity policy does not allow", "cross", "ImplicitDeny",
                  principal=AUDIT_SESSION_B, sessionIssuer=AUDIT_ROLE_B, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:ListBucket", bucket(SHARED)))],
                  resourcePolicy=bp(aws(AUDIT_ROLE_B), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: bucket policy names the session ARN and the identity policy allows", "cross", "Allow",
                  principal=AUDIT_SESSION_B, sessionIssuer=AUDIT_ROLE_B, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", "*"))],
                  resourcePolicy=bp(aws(AUDIT_SESSION_B), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: the caller's permissions boundary must also allow", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], permissionsBoundary=pol(allow("ec2:*")),
                  resourcePolicy=bp(aws(CAROL), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: the caller's session policy must also allow", "cross", "ImplicitDeny",
                  principal=AUDIT_SESSION_B, sessionIssuer=AUDIT_ROLE_B, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", "*"))], sessionPolicy=pol(allow("s3:ListBucket")),
                  resourcePolicy=bp(aws(AUDIT_ROLE_B), resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: an SCP of the caller's organization not allowing S3 stops the request", "cross", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp(aws(CAROL), resource=obj(SHARED, "*")),
                  scps=[[pol(allow("*"))], [pol(allow("ec2:*"))]]))
    c.append(case("Cross-account: an SCP deny in the caller's organization stops the request", "cross", "ExplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp(aws(CAROL), resource=obj(SHARED, "*")),
                  scps=[[pol(allow("*")), pol(deny("s3:*"))]]))
    c.append(case("Cross-account: Principal \"*\" in the bucket policy still needs the caller's identity policy", "principal", "ImplicitDeny",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  resourcePolicy=bp("*", resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: Principal \"*\" in the bucket policy plus the caller's identity policy: allowed", "principal", "Allow",
                  principal=CAROL, action="s3:GetObject", resource=SHARED_OBJ, resourceAccount=A,
                  identityPolicies=[CAROL_S3], resourcePolicy=bp("*", resource=obj(SHARED, "*"))))
    c.append(case("Cross-account: KMS key policy naming the other account plus its identity policy: allowed", "kms", "Allow",
                  principal=CAROL, action="kms:Decrypt", resource=KEY,
                  identityPolicies=[pol(allow("kms:Decrypt", KEY))],
                  resourcePolicy=pol(allow("kms:*", "*", principal=aws(root(A))),
                                     allow(["kms:Decrypt", "kms:DescribeKey"], "*", principal=aws(root(B)), sid="AllowExternalAccount"))))
    c.append(case("resourceAccount equal to the caller's own account makes it a same-account grant", "denyallow", "Allow",
                  principal=user("erin", B), action="s3:GetObject", resource=obj("b-bucket-444455556666", "x.txt"), resourceAccount=B,
                  resourcePolicy=bp(aws(user("erin", B)), resource=obj("b-bucket-444455556666", "*"))))
    return c


def session_policy_cases():
    c = []
    c.append(case("Role session: identity policy and session policy both allow", "policies", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))], sessionPolicy=pol(allow("s3:GetObject"))))
    c.append(case("Role session: session policy does not allow what the identity policy allows", "policies", "ImplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:PutObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))], sessionPolicy=pol(allow("s3:GetObject"))))
    c.append(case("Role session: session policy cannot add permissions the role lacks", "policies", "ImplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="ec2:RunInstances", resource="*",
                  identityPolicies=[pol(allow("s3:*"))], sessionPolicy=pol(allow("*"))))
    c.append(case("Role session without a session policy has the role's permissions", "denyallow", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:PutObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))]))
    c.append(case("Role session: session policy passed as a JSON string intersects like an object", "policies", "ImplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:PutObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))], sessionPolicy=json.dumps(pol(allow("s3:GetObject")))))
    c.append(case("Role session: identity, boundary and session policy all allow", "boundaries", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))], permissionsBoundary=pol(allow("s3:Get*")), sessionPolicy=pol(allow("s3:*"))))
    c.append(case("Role session: identity and session policy allow but the boundary does not", "boundaries", "ImplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:PutObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))], permissionsBoundary=pol(allow("s3:Get*")), sessionPolicy=pol(allow("s3:*"))))
    c.append(case("Bucket policy naming the role ARN is limited by the session policy", "policies", "ImplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  sessionPolicy=pol(allow("sqs:*")), resourcePolicy=bp(aws(APP_ROLE))))
    c.append(case("Bucket policy naming the role ARN grants through a session policy that allows the action", "policies", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  sessionPolicy=pol(allow("s3:GetObject")), resourcePolicy=bp(aws(APP_ROLE))))
    c.append(case("Bucket policy naming the session ARN is not limited by the session policy", "policies", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  sessionPolicy=pol(allow("sqs:*")), resourcePolicy=bp(aws(APP_SESSION))))
    c.append(case("Bucket policy naming the session ARN is not limited by boundary or session policy together", "denyallow", "Allow",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  permissionsBoundary=pol(allow("ec2:*")), sessionPolicy=pol(allow("sqs:*")), resourcePolicy=bp(aws(APP_SESSION))))
    c.append(case("Federated user session: session policy narrows the IAM user's permissions", "policies", "ImplicitDeny",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:PutObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"))], sessionPolicy=pol(allow("s3:GetObject"))))
    c.append(case("Federated user session without any session policy has no permissions", "denyallow", "ImplicitDeny",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:GetObject", resource=DOC, identityPolicies=[pol(allow("s3:*"))]))
    c.append(case("Bucket policy naming the federated user ARN grants the session directly", "denyallow", "Allow",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:GetObject", resource=DOC, sessionPolicy=pol(allow("sqs:*")),
                  resourcePolicy=bp(aws(f"arn:aws:sts::{A}:federated-user/partner-portal"))))
    c.append(case("Bucket policy naming the IAM user who federated is limited by the federated session policy", "denyallow", "ImplicitDeny",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:GetObject", resource=DOC, sessionPolicy=pol(allow("sqs:*")), resourcePolicy=bp(aws(user("broker")))))
    c.append(case("Bucket policy naming the IAM user who federated grants when the session policy allows", "policies", "Allow",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:GetObject", resource=DOC, sessionPolicy=pol(allow("s3:GetObject")), resourcePolicy=bp(aws(user("broker")))))
    c.append(case("Session policy with Deny beats the bucket policy naming the role ARN", "policies", "ExplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:GetObject", resource=DOC,
                  sessionPolicy=pol(allow("*"), deny("s3:GetObject")), resourcePolicy=bp(aws(APP_ROLE))))
    c.append(case("Role session: session policy allows, role policy Deny wins", "policies", "ExplicitDeny",
                  principal=APP_SESSION, sessionIssuer=APP_ROLE, action="s3:DeleteObject", resource=DOC,
                  identityPolicies=[pol(allow("s3:*"), deny("s3:DeleteObject"))], sessionPolicy=pol(allow("s3:*"))))
    return c
