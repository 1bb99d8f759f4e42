"""Cases: role trust policies, root user, service principals, anonymous, NotPrincipal, Principal forms."""

from corpus_lib import (A, B, FULL_AWS_ACCESS, allow, aws, bucket, case, deny, obj, pol, role, root, service,
                        session, user)

ALICE = user("alice")
BOB = user("bob")
DEPLOY_ROLE = role("DeployRole")
ASSUME_DEPLOY = pol(allow("sts:AssumeRole", DEPLOY_ROLE))


def trust(principal, action="sts:AssumeRole", **kw):
    return pol(allow(action, principal=principal, **kw))


def trust_cases():
    c = []
    c.append(case("Same account: trust policy naming the user lets her assume the role with no identity policy", "assumerole", "Allow",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE, resourcePolicy=trust(aws(ALICE))))
    c.append(case("Same account: trust policy naming the account needs the user's identity permission", "assumerole", "ImplicitDeny",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE, resourcePolicy=trust(aws(root(A)))))
    c.append(case("Same account: trust policy naming the account plus an identity policy allowing AssumeRole", "assumerole", "Allow",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], resourcePolicy=trust(aws(root(A)))))
    c.append(case("Same account: trust policy naming the account by 12-digit ID plus an identity policy", "assumerole", "Allow",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], resourcePolicy=trust(aws(A))))
    c.append(case("Same account: identity policy allows AssumeRole but the trust policy trusts someone else", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], resourcePolicy=trust(aws(BOB))))
    c.append(case("Same account: identity policy allows AssumeRole on another role only", "assumerole", "ImplicitDeny",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[pol(allow("sts:AssumeRole", role("ReadOnlyRole")))], resourcePolicy=trust(aws(root(A)))))
    c.append(case("Trust policy names the user but her permissions boundary does not allow sts:AssumeRole", "trustupdate", "ImplicitDeny",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  permissionsBoundary=pol(allow("s3:*")), resourcePolicy=trust(aws(ALICE))))
    c.append(case("Trust policy names the user and her boundary allows sts:AssumeRole", "trustupdate", "Allow",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  permissionsBoundary=pol(allow(["s3:*", "sts:AssumeRole"])), resourcePolicy=trust(aws(ALICE))))
    c.append(case("Identity policy Deny on sts:AssumeRole beats the trust policy naming the user", "denyallow", "ExplicitDeny",
                  principal=ALICE, action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[pol(deny("sts:AssumeRole"))], resourcePolicy=trust(aws(ALICE))))
    c.append(case("Cross-account: trust policy naming the other account plus the user's identity policy", "assumerole", "Allow",
                  principal=user("carol", B), action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], resourcePolicy=trust(aws(root(B)))))
    c.append(case("Cross-account: trust policy naming the other account but no identity policy", "assumerole", "ImplicitDeny",
                  principal=user("carol", B), action="sts:AssumeRole", resource=DEPLOY_ROLE, resourcePolicy=trust(aws(root(B)))))
    c.append(case("Cross-account: trust policy naming the user herself still needs her identity policy", "assumerole", "ImplicitDeny",
                  principal=user("carol", B), action="sts:AssumeRole", resource=DEPLOY_ROLE, resourcePolicy=trust(aws(user("carol", B)))))
    c.append(case("Cross-account: identity policy allows but the trust policy trusts a different account", "assumerole", "ImplicitDeny",
                  principal=user("carol", B), action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], resourcePolicy=trust(aws(root("777788889999")))))
    c.append(case("Cross-account: role session from the other account assumes the role with both sides allowing", "assumerole", "Allow",
                  principal=session("CiRole", "pipeline-42", B), sessionIssuer=role("CiRole", B),
                  action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], resourcePolicy=trust(aws(role("CiRole", B)))))
    c.append(case("Cross-account: role chaining with a session policy that does not allow AssumeRole", "policies", "ImplicitDeny",
                  principal=session("CiRole", "pipeline-42", B), sessionIssuer=role("CiRole", B),
                  action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY], sessionPolicy=pol(allow("s3:*")), resourcePolicy=trust(aws(role("CiRole", B)))))
    c.append(case("Service role: trust policy trusting ec2.amazonaws.com lets EC2 assume it", "principal", "Allow",
                  principal="ec2.amazonaws.com", action="sts:AssumeRole", resource=role("WebServerRole"),
                  resourcePolicy=trust(service("ec2.amazonaws.com"))))
    c.append(case("Service role: trust policy trusting only lambda.amazonaws.com rejects EC2", "principal", "ImplicitDeny",
                  principal="ec2.amazonaws.com", action="sts:AssumeRole", resource=role("WebServerRole"),
                  resourcePolicy=trust(service("lambda.amazonaws.com"))))
    c.append(case("Service role: trust policy listing ECS and ELB lets ELB assume it", "principal", "Allow",
                  principal="elasticloadbalancing.amazonaws.com", action="sts:AssumeRole", resource=role("ecsServiceRole"),
                  resourcePolicy=trust(service("ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com"))))
    c.append(case("Trust policy allowing only sts:AssumeRole does not allow sts:TagSession", "sessiontags", "ImplicitDeny",
                  principal=ALICE, action="sts:TagSession", resource=DEPLOY_ROLE, resourcePolicy=trust(aws(ALICE))))
    c.append(case("Trust policy allowing sts:AssumeRole and sts:TagSession for the user allows tagging the session", "sessiontags", "Allow",
                  principal=ALICE, action="sts:TagSession", resource=DEPLOY_ROLE,
                  resourcePolicy=trust(aws(ALICE), action=["sts:AssumeRole", "sts:TagSession"])))
    c.append(case("Trust policy with an explicit Deny for the other account beats its Allow for that account", "denyallow", "ExplicitDeny",
                  principal=user("carol", B), action="sts:AssumeRole", resource=DEPLOY_ROLE,
                  identityPolicies=[ASSUME_DEPLOY],
                  resourcePolicy=pol(allow("sts:AssumeRole", principal=aws(root(B))), deny("sts:AssumeRole", principal=aws(user("carol", B))))))
    return c


def root_cases():
    c = []
    c.append(case("Root user in its own account needs no policy", "denyallow", "Allow",
                  principal=root(A), action="s3:DeleteBucket", resource=bucket("old-logs-111122223333")))
    c.append(case("Root user in its own account can manage IAM without any policy", "denyallow", "Allow",
                  principal=root(A), action="iam:CreateUser", resource=user("newhire")))
    c.append(case("Root user in its own account can use an SQS queue that has no queue policy", "denyallow", "Allow",
                  principal=root(A), action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-1:{A}:orders"))
    c.append(case("Root user under FullAWSAccess SCPs keeps full access", "scps", "Allow",
                  principal=root(A), action="ec2:RunInstances", resource="*", scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]))
    c.append(case("Root user is stopped by an SCP deny on its account", "policies", "ExplicitDeny",
                  principal=root(A), action="ec2:RunInstances", resource="*",
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, pol(deny("ec2:RunInstances"))]]))
    c.append(case("Root user is stopped by an SCP level that does not allow the service", "scpeval", "ImplicitDeny",
                  principal=root(A), action="dynamodb:DeleteTable", resource=f"arn:aws:dynamodb:us-east-1:{A}:table/Orders",
                  scps=[[FULL_AWS_ACCESS], [pol(allow(["s3:*", "ec2:*"]))]]))
    c.append(case("Root user is stopped by an explicit deny in its own bucket's policy", "denyallow", "ExplicitDeny",
                  principal=root(A), action="s3:GetObject", resource=obj("vault-111122223333", "secret.txt"),
                  resourcePolicy=pol(deny("s3:GetObject", obj("vault-111122223333", "*"), principal="*"))))
    c.append(case("Root user of another account without a bucket policy is implicitly denied", "cross", "ImplicitDeny",
                  principal=root(B), action="s3:GetObject", resource=obj("team-docs-111122223333", "a.txt"), resourceAccount=A))
    c.append(case("Root user of another account is allowed when the bucket policy names its account ARN", "principal", "Allow",
                  principal=root(B), action="s3:GetObject", resource=obj("team-docs-111122223333", "a.txt"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj("team-docs-111122223333", "*"), principal=aws(root(B))))))
    c.append(case("Root user of another account is allowed when the bucket policy names its 12-digit account ID", "principal", "Allow",
                  principal=root(B), action="s3:GetObject", resource=obj("team-docs-111122223333", "a.txt"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj("team-docs-111122223333", "*"), principal=aws(B)))))
    c.append(case("Root user of another account is not covered by a bucket policy naming one of its IAM users", "principal", "ImplicitDeny",
                  principal=root(B), action="s3:GetObject", resource=obj("team-docs-111122223333", "a.txt"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj("team-docs-111122223333", "*"), principal=aws(user("carol", B))))))
    c.append(case("Root user of another account is stopped by an explicit deny in the bucket policy", "cross", "ExplicitDeny",
                  principal=root(B), action="s3:GetObject", resource=obj("team-docs-111122223333", "a.txt"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj("team-docs-111122223333", "*"), principal=aws(B)),
                                     deny("s3:GetObject", obj("team-docs-111122223333", "*"), principal=aws(B)))))
    c.append(case("Root user of another account cannot use a queue whose ARN names a different account", "cross", "ImplicitDeny",
                  principal=root(B), action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-1:{A}:orders"))
    return c


TRAIL_BUCKET = "aws-cloudtrail-logs-111122223333"
TRAIL_POLICY = pol(
    allow("s3:GetBucketAcl", bucket(TRAIL_BUCKET), principal=service("cloudtrail.amazonaws.com"), sid="AWSCloudTrailAclCheck"),
    allow("s3:PutObject", obj(TRAIL_BUCKET, f"AWSLogs/{A}/*"), principal=service("cloudtrail.amazonaws.com"), sid="AWSCloudTrailWrite"),
)
QUEUE = f"arn:aws:sqs:us-east-1:{A}:orders"


def service_cases():
    c = []
    c.append(case("CloudTrail service principal writes log files allowed by the bucket policy", "principal", "Allow",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{A}/CloudTrail/x.json.gz"),
                  resourceAccount=A, resourcePolicy=TRAIL_POLICY))
    c.append(case("CloudTrail service principal checks the bucket ACL as the bucket policy allows", "principal", "Allow",
                  principal="cloudtrail.amazonaws.com", action="s3:GetBucketAcl", resource=bucket(TRAIL_BUCKET),
                  resourceAccount=A, resourcePolicy=TRAIL_POLICY))
    c.append(case("CloudTrail service principal cannot delete objects the bucket policy does not mention", "principal", "ImplicitDeny",
                  principal="cloudtrail.amazonaws.com", action="s3:DeleteObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{A}/CloudTrail/x.json.gz"),
                  resourceAccount=A, resourcePolicy=TRAIL_POLICY))
    c.append(case("CloudTrail service principal writing outside the allowed prefix is implicitly denied", "principal", "ImplicitDeny",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{B}/CloudTrail/x.json.gz"),
                  resourceAccount=A, resourcePolicy=TRAIL_POLICY))
    c.append(case("Service principal with no resource policy is implicitly denied", "principal", "ImplicitDeny",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{A}/x.json.gz"),
                  resourceAccount=A))
    c.append(case("Bucket policy for another service principal does not grant CloudTrail", "principal", "ImplicitDeny",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{A}/x.json.gz"),
                  resourceAccount=A,
                  resourcePolicy=pol(allow("s3:PutObject", obj(TRAIL_BUCKET, "*"), principal=service("config.amazonaws.com")))))
    c.append(case("Bucket policy naming an AWS account does not grant a service principal", "principal", "ImplicitDeny",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{A}/x.json.gz"),
                  resourceAccount=A, resourcePolicy=pol(allow("s3:PutObject", obj(TRAIL_BUCKET, "*"), principal=aws(root(A))))))
    c.append(case("Explicit deny for the service principal beats its allow in the same bucket policy", "denyallow", "ExplicitDeny",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(TRAIL_BUCKET, f"AWSLogs/{A}/x.json.gz"),
                  resourceAccount=A,
                  resourcePolicy=pol(TRAIL_POLICY["Statement"][1],
                                     deny("s3:PutObject", obj(TRAIL_BUCKET, "*"), principal=service("cloudtrail.amazonaws.com")))))
    c.append(case("SNS service principal sends to a queue whose policy allows it", "principal", "Allow",
                  principal="sns.amazonaws.com", action="sqs:SendMessage", resource=QUEUE,
                  resourcePolicy=pol(allow("sqs:SendMessage", QUEUE, principal=service("sns.amazonaws.com")))))
    c.append(case("SNS service principal cannot purge a queue whose policy allows only SendMessage", "principal", "ImplicitDeny",
                  principal="sns.amazonaws.com", action="sqs:PurgeQueue", resource=QUEUE,
                  resourcePolicy=pol(allow("sqs:SendMessage", QUEUE, principal=service("sns.amazonaws.com")))))
    c.append(case("Service principal in a list of services is granted", "principal", "Allow",
                  principal="events.amazonaws.com", action="sqs:SendMessage", resource=QUEUE,
                  resourcePolicy=pol(allow("sqs:SendMessage", QUEUE, principal=service("sns.amazonaws.com", "events.amazonaws.com")))))
    return c


SITE = "www-example-111122223333"
PUBLIC_READ = pol(allow("s3:GetObject", obj(SITE, "*"), principal="*", sid="PublicRead"))


def anonymous_cases():
    c = []
    c.append(case("Anonymous request allowed by a bucket policy with Principal \"*\"", "principal", "Allow",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=PUBLIC_READ))
    c.append(case("Anonymous request allowed by a bucket policy with Principal {\"AWS\": \"*\"}", "principal", "Allow",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj(SITE, "*"), principal=aws("*")))))
    c.append(case("Anonymous request to a bucket without a bucket policy is implicitly denied", "denyallow", "ImplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A))
    c.append(case("Anonymous request for an action the public policy does not allow", "principal", "ImplicitDeny",
                  principal="anonymous", action="s3:PutObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=PUBLIC_READ))
    c.append(case("Anonymous request for an object in a bucket the public policy does not cover", "principal", "ImplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj("payroll-111122223333", "june.csv"), resourceAccount=A,
                  resourcePolicy=PUBLIC_READ))
    c.append(case("Anonymous request is not covered by a bucket policy naming an AWS account", "principal", "ImplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj(SITE, "*"), principal=aws(A)))))
    c.append(case("Anonymous request is not covered by a bucket policy naming an IAM user", "principal", "ImplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj(SITE, "*"), principal=aws(ALICE)))))
    c.append(case("Anonymous request is not covered by a bucket policy naming a service principal", "principal", "ImplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj(SITE, "*"), principal=service("cloudfront.amazonaws.com")))))
    c.append(case("Public read plus a Deny with Principal \"*\" for a private prefix: deny wins", "denyallow", "ExplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "private/keys.txt"), resourceAccount=A,
                  resourcePolicy=pol(PUBLIC_READ["Statement"][0], deny("s3:GetObject", obj(SITE, "private/*"), principal="*"))))
    c.append(case("Public read plus a Deny for a private prefix still serves other objects", "denyallow", "Allow",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "css/site.css"), resourceAccount=A,
                  resourcePolicy=pol(PUBLIC_READ["Statement"][0], deny("s3:GetObject", obj(SITE, "private/*"), principal="*"))))
    c.append(case("Public Principal \"*\" statement limited to one listing action does not allow reads", "principal", "ImplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(SITE, "index.html"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:ListBucket", bucket(SITE), principal="*"))))
    c.append(case("Anonymous request allowed to list the bucket by a public ListBucket statement", "principal", "Allow",
                  principal="anonymous", action="s3:ListBucket", resource=bucket(SITE), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:ListBucket", bucket(SITE), principal="*"))))
    return c


AUDIT = "Bucket-AccountAudit-111122223333"
BOB_B = user("Bob", B)
AUDIT_ROLE = role("cross-account-read-only-role", B)
AUDIT_APP = session("cross-account-read-only-role", "cross-account-audit-app", B)
NOT_BOB = deny("s3:*", [bucket(AUDIT), obj(AUDIT, "*")], not_principal=aws(BOB_B, root(B)))
NOT_AUDIT_APP = deny("s3:*", [bucket(AUDIT), obj(AUDIT, "*")], not_principal=aws(AUDIT_APP, AUDIT_ROLE, root(B)))
READ_FOR_B = allow("s3:GetObject", obj(AUDIT, "*"), principal=aws(B))


def notprincipal_cases():
    c = []
    c.append(case("NotPrincipal Deny listing Bob and his account leaves Bob to the Allow statement", "notprincipal", "Allow",
                  principal=BOB_B, action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", obj(AUDIT, "*")))], resourcePolicy=pol(NOT_BOB, READ_FOR_B)))
    c.append(case("NotPrincipal Deny listing Bob explicitly denies another user of Bob's account", "notprincipal", "ExplicitDeny",
                  principal=user("Alice", B), action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", obj(AUDIT, "*")))], resourcePolicy=pol(NOT_BOB, READ_FOR_B)))
    c.append(case("NotPrincipal Deny listing Bob explicitly denies a principal of a third account", "notprincipal", "ExplicitDeny",
                  principal=user("zed", "777788889999"), action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:*"))], resourcePolicy=pol(NOT_BOB, allow("s3:GetObject", obj(AUDIT, "*"), principal="*"))))
    c.append(case("NotPrincipal Deny listing Bob explicitly denies anonymous requests", "notprincipal", "ExplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  resourcePolicy=pol(NOT_BOB, allow("s3:GetObject", obj(AUDIT, "*"), principal="*"))))
    c.append(case("NotPrincipal Deny listing session, role and account leaves that session to the Allow statement", "notprincipal", "Allow",
                  principal=AUDIT_APP, sessionIssuer=AUDIT_ROLE, action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", "*"))], resourcePolicy=pol(NOT_AUDIT_APP, READ_FOR_B)))
    c.append(case("NotPrincipal Deny listing one role's session explicitly denies a session of another role", "notprincipal", "ExplicitDeny",
                  principal=session("DataScienceRole", "notebook", B), sessionIssuer=role("DataScienceRole", B),
                  action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", "*"))], resourcePolicy=pol(NOT_AUDIT_APP, READ_FOR_B)))
    c.append(case("NotPrincipal Deny always denies a principal with a permissions boundary, even one it lists", "boundaries", "ExplicitDeny",
                  principal=BOB_B, action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", obj(AUDIT, "*")))], permissionsBoundary=pol(allow("s3:*")),
                  resourcePolicy=pol(NOT_BOB, READ_FOR_B)))
    c.append(case("NotPrincipal Deny on other actions does not affect this action", "notprincipal", "Allow",
                  principal=user("Alice", B), action="s3:GetObject", resource=obj(AUDIT, "2025/report.pdf"), resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject", obj(AUDIT, "*")))],
                  resourcePolicy=pol(deny("s3:DeleteObject", obj(AUDIT, "*"), not_principal=aws(BOB_B, root(B))), READ_FOR_B)))
    c.append(case("NotPrincipal Deny in a same-account bucket policy leaves the listed user to his identity policy", "notprincipal", "Allow",
                  principal=user("Bob"), action="s3:PutObject", resource=obj("ops-111122223333", "run.log"),
                  identityPolicies=[pol(allow("s3:PutObject", obj("ops-111122223333", "*")))],
                  resourcePolicy=pol(deny("s3:*", obj("ops-111122223333", "*"), not_principal=aws(user("Bob"), root(A))))))
    c.append(case("NotPrincipal Deny in a same-account bucket policy denies an unlisted administrator", "notprincipal", "ExplicitDeny",
                  principal=user("admin"), action="s3:PutObject", resource=obj("ops-111122223333", "run.log"),
                  identityPolicies=[pol(allow("*", "*"))],
                  resourcePolicy=pol(deny("s3:*", obj("ops-111122223333", "*"), not_principal=aws(user("Bob"), root(A))))))
    return c


FORMS_BUCKET = "forms-111122223333"
FORMS_OBJ = obj(FORMS_BUCKET, "a.txt")


def fp(principal, action="s3:GetObject"):
    return pol(allow(action, obj(FORMS_BUCKET, "*"), principal=principal))


def principal_form_cases():
    c = []
    c.append(case("Account principal as ARN and as 12-digit ID behave the same: ARN form", "principal", "Allow",
                  principal=user("carol", B), action="s3:GetObject", resource=FORMS_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject"))], resourcePolicy=fp(aws(root(B)))))
    c.append(case("Account principal as ARN and as 12-digit ID behave the same: ID form", "principal", "Allow",
                  principal=user("carol", B), action="s3:GetObject", resource=FORMS_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject"))], resourcePolicy=fp(aws(B))))
    c.append(case("Account ARN principal is not limited to the root user: a role session of that account matches", "principal", "Allow",
                  principal=session("ReportsRole", "etl", B), sessionIssuer=role("ReportsRole", B),
                  action="s3:GetObject", resource=FORMS_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject"))], resourcePolicy=fp(aws(root(B)))))
    c.append(case("Principal array of two accounts grants the second account's user", "principal", "Allow",
                  principal=user("carol", B), action="s3:GetObject", resource=FORMS_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject"))], resourcePolicy=fp(aws("777788889999", B))))
    c.append(case("Principal naming a different account does not match", "principal", "ImplicitDeny",
                  principal=user("carol", B), action="s3:GetObject", resource=FORMS_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject"))], resourcePolicy=fp(aws("777788889999"))))
    c.append(case("User name in a Principal ARN is case sensitive: user/Bob does not match user/bob", "principal", "ImplicitDeny",
                  principal=user("bob"), action="s3:GetObject", resource=FORMS_OBJ, resourcePolicy=fp(aws(user("Bob")))))
    c.append(case("User principal with a path matches the user with that path", "principal", "Allow",
                  principal=user("dana", path="/division/finance/"), action="s3:GetObject", resource=FORMS_OBJ,
                  resourcePolicy=fp(aws(user("dana", path="/division/finance/")))))
    c.append(case("Role principal with a path matches a session whose sessionIssuer has that path", "principal", "Allow",
                  principal=session("DataRole", "job-17"), sessionIssuer=role("DataRole", path="/service/app/"),
                  action="s3:GetObject", resource=FORMS_OBJ, resourcePolicy=fp(aws(role("DataRole", path="/service/app/")))))
    c.append(case("Cross-account role principal with a path plus the session's identity policy", "cross", "Allow",
                  principal=session("DataRole", "job-17", B), sessionIssuer=role("DataRole", B, path="/service/app/"),
                  action="s3:GetObject", resource=FORMS_OBJ, resourceAccount=A,
                  identityPolicies=[pol(allow("s3:GetObject"))], resourcePolicy=fp(aws(role("DataRole", B, path="/service/app/")))))
    c.append(case("Assumed-role session principal matches only that session name", "principal", "Allow",
                  principal=session("DataRole", "job-17"), sessionIssuer=role("DataRole"),
                  action="s3:GetObject", resource=FORMS_OBJ, resourcePolicy=fp(aws(session("DataRole", "job-17")))))
    c.append(case("Role principal does not match a session of another role with the same session name", "principal", "ImplicitDeny",
                  principal=session("OtherRole", "job-17"), sessionIssuer=role("OtherRole"),
                  action="s3:GetObject", resource=FORMS_OBJ, resourcePolicy=fp(aws(role("DataRole")))))
    c.append(case("User principal does not match a role session", "principal", "ImplicitDeny",
                  principal=session("DataRole", "alice"), sessionIssuer=role("DataRole"),
                  action="s3:GetObject", resource=FORMS_OBJ, resourcePolicy=fp(aws(user("alice")))))
    c.append(case("Federated user principal matches that federated user session", "principal", "Allow",
                  principal=f"arn:aws:sts::{A}:federated-user/partner-portal", sessionIssuer=user("broker"),
                  action="s3:GetObject", resource=FORMS_OBJ,
                  resourcePolicy=fp(aws(f"arn:aws:sts::{A}:federated-user/partner-portal"))))
    c.append(case("Wildcard principal with aws:PrincipalArn condition grants the role session despite its boundary", "principal", "Allow",
                  principal=session("DataRole", "job-17"), sessionIssuer=role("DataRole"),
                  action="s3:GetObject", resource=FORMS_OBJ, permissionsBoundary=pol(allow("ec2:*")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(FORMS_BUCKET, "*"), principal="*",
                                           condition={"ArnEquals": {"aws:PrincipalArn": role("DataRole")}}))))
    c.append(case("Wildcard principal with aws:PrincipalArn condition does not override an explicit deny in the boundary", "principal", "ExplicitDeny",
                  principal=session("DataRole", "job-17"), sessionIssuer=role("DataRole"),
                  action="s3:GetObject", resource=FORMS_OBJ, permissionsBoundary=pol(allow("ec2:*"), deny("s3:*")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(FORMS_BUCKET, "*"), principal="*",
                                           condition={"ArnEquals": {"aws:PrincipalArn": role("DataRole")}}))))
    c.append(case("Service principal block does not match an IAM user", "principal", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=FORMS_OBJ,
                  resourcePolicy=fp(service("cloudfront.amazonaws.com"))))
    return c
