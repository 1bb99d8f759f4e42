"""Cases: explicit deny in every layer, SCPs per organization level, RCPs per level."""

from corpus_lib import (A, B, FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS, allow, aws, bucket, case, deny, obj, pol,
                        role, root, service, session, user)

ALICE = user("alice")
ADMIN = pol(allow("*", "*", sid="AdministratorAccess"))
OPS_ROLE = role("OpsRole")
OPS_SESSION = session("OpsRole", "night-shift")
BUCKET = "shared-data-111122223333"
QUEUE = f"arn:aws:sqs:us-east-1:{A}:orders"
INSTANCE = f"arn:aws:ec2:us-east-1:{A}:instance/i-0abc1234def567890"


def explicit_deny_cases():
    c = []
    c.append(case("Deny and Allow for the same action in one identity policy: deny wins", "interplay", "ExplicitDeny",
                  principal=ALICE, action="s3:DeleteObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[pol(allow("s3:*"), deny("s3:DeleteObject"))]))
    c.append(case("Deny in one identity policy beats Allow in another", "interplay", "ExplicitDeny",
                  principal=ALICE, action="ec2:TerminateInstances", resource=INSTANCE,
                  identityPolicies=[ADMIN, pol(deny("ec2:TerminateInstances"))]))
    c.append(case("Deny in the permissions boundary beats allows in identity policy and boundary", "boundaries", "ExplicitDeny",
                  principal=ALICE, action="ec2:TerminateInstances", resource=INSTANCE,
                  identityPolicies=[ADMIN], permissionsBoundary=pol(allow("ec2:*"), deny("ec2:TerminateInstances"))))
    c.append(case("Deny in the session policy beats the role's identity policy", "policies", "ExplicitDeny",
                  principal=OPS_SESSION, sessionIssuer=OPS_ROLE, action="s3:DeleteObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN], sessionPolicy=pol(allow("s3:*"), deny("s3:DeleteObject"))))
    c.append(case("Deny in the bucket policy beats a same-account identity policy allow", "denyallow", "ExplicitDeny",
                  principal=ALICE, action="s3:DeleteObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN],
                  resourcePolicy=pol(deny("s3:DeleteObject", obj(BUCKET, "*"), principal="*"))))
    c.append(case("Deny in the bucket policy beats an Allow for the same user in the same bucket policy", "denyallow", "ExplicitDeny",
                  principal=ALICE, action="s3:PutObject", resource=obj(BUCKET, "a.txt"),
                  resourcePolicy=pol(allow("s3:*", obj(BUCKET, "*"), principal=aws(ALICE)),
                                     deny("s3:PutObject", obj(BUCKET, "*"), principal=aws(ALICE)))))
    c.append(case("Identity policy deny beats a bucket policy that grants the user directly", "denyallow", "ExplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[pol(deny("s3:*"))],
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal=aws(ALICE)))))
    c.append(case("Session policy deny beats a bucket policy that names the session ARN", "policies", "ExplicitDeny",
                  principal=OPS_SESSION, sessionIssuer=OPS_ROLE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN], sessionPolicy=pol(deny("s3:GetObject")),
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal=aws(OPS_SESSION)))))
    c.append(case("SCP deny at the organization root beats AdministratorAccess", "scps", "ExplicitDeny",
                  principal=ALICE, action="cloudtrail:StopLogging", resource=f"arn:aws:cloudtrail:us-east-1:{A}:trail/org-trail",
                  identityPolicies=[ADMIN],
                  scps=[[FULL_AWS_ACCESS, pol(deny("cloudtrail:StopLogging"))], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]))
    c.append(case("SCP deny at the middle OU beats AdministratorAccess", "scpeval", "ExplicitDeny",
                  principal=ALICE, action="cloudtrail:DeleteTrail", resource=f"arn:aws:cloudtrail:us-east-1:{A}:trail/org-trail",
                  identityPolicies=[ADMIN],
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, pol(deny("cloudtrail:DeleteTrail"))], [FULL_AWS_ACCESS]]))
    c.append(case("SCP deny attached to the account itself beats AdministratorAccess", "scpeval", "ExplicitDeny",
                  principal=ALICE, action="organizations:LeaveOrganization", resource="*",
                  identityPolicies=[ADMIN],
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS, pol(deny("organizations:LeaveOrganization"))]]))
    c.append(case("RCP deny at the organization root beats the bucket policy and identity policy", "rcpeval", "ExplicitDeny",
                  principal=ALICE, action="s3:DeleteBucket", resource=bucket(BUCKET),
                  identityPolicies=[ADMIN],
                  resourcePolicy=pol(allow("s3:*", bucket(BUCKET), principal=aws(ALICE))),
                  rcps=[[RCP_FULL_AWS_ACCESS, pol(deny("s3:DeleteBucket", "*", principal="*"))], [RCP_FULL_AWS_ACCESS]]))
    c.append(case("Explicit deny in the boundary wins even when the identity policy would not allow anyway", "interplay", "ExplicitDeny",
                  principal=ALICE, action="iam:CreateAccessKey", resource=user("bob"),
                  identityPolicies=[pol(allow("s3:ListAllMyBuckets"))], permissionsBoundary=pol(deny("iam:*"))))
    c.append(case("Bucket policy Deny naming another user does not touch this user", "denyallow", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")))],
                  resourcePolicy=pol(deny("s3:*", obj(BUCKET, "*"), principal=aws(user("mallory"))))))
    c.append(case("Deny for another resource does not touch this request", "interplay", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "public/a.txt"),
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")), deny("s3:GetObject", obj(BUCKET, "secret/*")))]))
    c.append(case("Deny in the trusting account's queue policy beats both cross-account allows", "cross", "ExplicitDeny",
                  principal=user("carol", B), action="sqs:DeleteQueue", resource=QUEUE,
                  identityPolicies=[pol(allow("sqs:*", QUEUE))],
                  resourcePolicy=pol(allow("sqs:*", QUEUE, principal=aws(B)), deny("sqs:DeleteQueue", QUEUE, principal="*"))))
    c.append(case("Deny in the caller's identity policy beats a cross-account queue policy allow", "cross", "ExplicitDeny",
                  principal=user("carol", B), action="sqs:SendMessage", resource=QUEUE,
                  identityPolicies=[pol(allow("sqs:*", QUEUE)), pol(deny("sqs:SendMessage"))],
                  resourcePolicy=pol(allow("sqs:SendMessage", QUEUE, principal=aws(user("carol", B))))))
    c.append(case("Explicit deny in the trust policy stops AssumeRole despite an allow for the same user", "denyallow", "ExplicitDeny",
                  principal=ALICE, action="sts:AssumeRole", resource=OPS_ROLE,
                  identityPolicies=[pol(allow("sts:AssumeRole", OPS_ROLE))],
                  resourcePolicy=pol(allow("sts:AssumeRole", principal=aws(root(A))),
                                     deny("sts:AssumeRole", principal=aws(ALICE)))))
    c.append(case("Explicit deny beats allows in identity, boundary and session policy together", "denyallow", "ExplicitDeny",
                  principal=OPS_SESSION, sessionIssuer=OPS_ROLE, action="ec2:TerminateInstances", resource=INSTANCE,
                  identityPolicies=[ADMIN, pol(deny("ec2:TerminateInstances", INSTANCE))],
                  permissionsBoundary=pol(allow("ec2:*")), sessionPolicy=pol(allow("ec2:*"))))
    c.append(case("Allow everywhere and no deny anywhere: allowed", "denyallow", "Allow",
                  principal=OPS_SESSION, sessionIssuer=OPS_ROLE, action="ec2:StopInstances", resource=INSTANCE,
                  identityPolicies=[pol(allow("ec2:StopInstances"))], permissionsBoundary=pol(allow("ec2:*")),
                  sessionPolicy=pol(allow("ec2:*")), scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]))
    return c


S3_ONLY = pol(allow("s3:*", "*", sid="AllowS3"))
EC2_ONLY = pol(allow("ec2:*", "*", sid="AllowEC2"))
DENY_EC2 = pol(deny("ec2:*", "*", sid="DenyEC2"))
SLR = role("AWSServiceRoleForElasticLoadBalancing", path="/aws-service-role/elasticloadbalancing.amazonaws.com/")


def scp_cases():
    c = []
    c.append(case("FullAWSAccess at root, OU and account with an allowing identity policy: allowed", "scpeval", "Allow",
                  principal=ALICE, action="ec2:RunInstances", resource=INSTANCE,
                  identityPolicies=[pol(allow("ec2:RunInstances"))],
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]))
    c.append(case("SCPs allow all but the user has no identity policy: SCPs grant nothing", "scps", "ImplicitDeny",
                  principal=ALICE, action="ec2:RunInstances", resource=INSTANCE,
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]))
    c.append(case("OU allows only S3: EC2 is implicitly denied although root and account allow everything", "scpeval", "ImplicitDeny",
                  principal=ALICE, action="ec2:RunInstances", resource=INSTANCE,
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [S3_ONLY], [FULL_AWS_ACCESS]]))
    c.append(case("OU allows only S3: S3 request passes every level", "scpeval", "Allow",
                  principal=ALICE, action="s3:PutObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [S3_ONLY], [FULL_AWS_ACCESS]]))
    c.append(case("Account level allows only EC2: S3 request fails at the account level", "scpeval", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [EC2_ONLY]]))
    c.append(case("Root level allows only S3 while OU and account allow everything: EC2 denied", "scpeval", "ImplicitDeny",
                  principal=ALICE, action="ec2:DescribeInstances", resource="*",
                  identityPolicies=[ADMIN], scps=[[S3_ONLY], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]))
    c.append(case("A level with no SCP attached blocks everything below it", "scpeval", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [], [FULL_AWS_ACCESS]]))
    c.append(case("Two SCPs at one level: either allowing is enough for that level", "scpeval", "Allow",
                  principal=ALICE, action="ec2:DescribeInstances", resource="*",
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [S3_ONLY, EC2_ONLY], [FULL_AWS_ACCESS]]))
    c.append(case("Deny-list strategy: FullAWSAccess everywhere plus a Deny on EC2 at the OU", "scpeval", "ExplicitDeny",
                  principal=ALICE, action="ec2:RunInstances", resource=INSTANCE,
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, DENY_EC2], [FULL_AWS_ACCESS]]))
    c.append(case("Deny-list strategy leaves services that are not denied usable", "scpeval", "Allow",
                  principal=ALICE, action="s3:ListBucket", resource=bucket(BUCKET),
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, DENY_EC2], [FULL_AWS_ACCESS]]))
    c.append(case("Single SCP level with FullAWSAccess behaves like no restriction", "scpeval", "Allow",
                  principal=ALICE, action="s3:ListBucket", resource=bucket(BUCKET),
                  identityPolicies=[pol(allow("s3:ListBucket", bucket(BUCKET)))], scps=[[FULL_AWS_ACCESS]]))
    c.append(case("SCP allows S3 but the identity policy allows only EC2: S3 implicitly denied", "scps", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[pol(allow("ec2:*"))], scps=[[FULL_AWS_ACCESS], [S3_ONLY]]))
    c.append(case("Role session is restricted by the SCPs of the role's account", "scps", "ImplicitDeny",
                  principal=OPS_SESSION, sessionIssuer=OPS_ROLE, action="ec2:RunInstances", resource=INSTANCE,
                  identityPolicies=[ADMIN], scps=[[FULL_AWS_ACCESS], [S3_ONLY]]))
    c.append(case("Root user of a member account is restricted by an SCP deny", "scps", "ExplicitDeny",
                  principal=root(A), action="ec2:RunInstances", resource=INSTANCE,
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, DENY_EC2]]))
    c.append(case("Root user of a member account is limited by an OU that allows only S3", "scpeval", "ImplicitDeny",
                  principal=root(A), action="ec2:DescribeInstances", resource="*",
                  scps=[[FULL_AWS_ACCESS], [S3_ONLY]]))
    c.append(case("Root user of a member account may do what every SCP level allows", "scps", "Allow",
                  principal=root(A), action="s3:CreateBucket", resource=bucket("new-bucket-111122223333"),
                  scps=[[FULL_AWS_ACCESS], [S3_ONLY]]))
    c.append(case("Service-linked role session is not restricted by an SCP deny", "scps", "Allow",
                  principal=session("AWSServiceRoleForElasticLoadBalancing", "ElasticLoadBalancing"), sessionIssuer=SLR,
                  action="ec2:DescribeInstances", resource="*",
                  identityPolicies=[pol(allow("ec2:Describe*"))],
                  scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, DENY_EC2]]))
    c.append(case("Service-linked role is not restricted by an OU that allows only S3", "scps", "Allow",
                  principal=SLR, action="ec2:DescribeInstances", resource="*",
                  identityPolicies=[pol(allow("ec2:Describe*"))], scps=[[FULL_AWS_ACCESS], [S3_ONLY]]))
    c.append(case("SCP not allowing the action stops a user whom the bucket policy names directly", "denyallow", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal=aws(ALICE))),
                  scps=[[FULL_AWS_ACCESS], [EC2_ONLY]]))
    c.append(case("SCP deny stops a user whom the bucket policy names directly", "denyallow", "ExplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal=aws(ALICE))),
                  scps=[[FULL_AWS_ACCESS, pol(deny("s3:GetObject"))]]))
    c.append(case("SCPs of the caller's organization do not apply to an AWS service principal", "scps", "Allow",
                  principal="cloudtrail.amazonaws.com", action="s3:PutObject", resource=obj(BUCKET, f"AWSLogs/{A}/trail.json.gz"),
                  resourceAccount=A,
                  resourcePolicy=pol(allow("s3:PutObject", obj(BUCKET, f"AWSLogs/{A}/*"), principal=service("cloudtrail.amazonaws.com"))),
                  scps=[[pol(deny("*"))]]))
    c.append(case("No SCP layer given: the account is not governed by SCPs", "denyallow", "Allow",
                  principal=ALICE, action="ec2:RunInstances", resource=INSTANCE, identityPolicies=[ADMIN]))
    return c


EXTERNAL_PERIMETER = pol(deny("s3:*", "*", principal="*", sid="EnforceOrgIdentities",
                              condition={"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}))
SECURE_TRANSPORT = pol(deny("s3:*", "*", principal="*", sid="EnforceSecureTransport",
                            condition={"Bool": {"aws:SecureTransport": "false"}}))
KEY = f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def rcp_cases():
    c = []
    c.append(case("RCPFullAWSAccess at every level with an allowing identity policy: allowed", "rcpeval", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[pol(allow("s3:GetObject"))], rcps=[[RCP_FULL_AWS_ACCESS], [RCP_FULL_AWS_ACCESS]]))
    c.append(case("RCPs grant nothing: RCPFullAWSAccess alone leaves the request implicitly denied", "rcps", "ImplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  rcps=[[RCP_FULL_AWS_ACCESS], [RCP_FULL_AWS_ACCESS]]))
    c.append(case("RCP deny attached to the account beats a same-account identity allow", "rcpeval", "ExplicitDeny",
                  principal=ALICE, action="s3:PutBucketPolicy", resource=bucket(BUCKET),
                  identityPolicies=[ADMIN],
                  rcps=[[RCP_FULL_AWS_ACCESS], [RCP_FULL_AWS_ACCESS, pol(deny("s3:PutBucketPolicy", "*", principal="*"))]]))
    c.append(case("RCP deny for another action leaves this one allowed", "rcpeval", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  identityPolicies=[ADMIN],
                  rcps=[[RCP_FULL_AWS_ACCESS], [RCP_FULL_AWS_ACCESS, pol(deny("s3:PutBucketPolicy", "*", principal="*"))]]))
    c.append(case("RCP identity perimeter denies a principal from another organization despite both cross-account allows", "rcps", "ExplicitDeny",
                  principal=user("carol", B), action="s3:GetObject", resource=obj(BUCKET, "a.txt"), resourceAccount=A,
                  context={"aws:PrincipalOrgID": "o-zz99yy88xx"},
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")))],
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal=aws(B))),
                  rcps=[[RCP_FULL_AWS_ACCESS, EXTERNAL_PERIMETER]]))
    c.append(case("RCP identity perimeter lets a principal of the same organization through", "rcps", "Allow",
                  principal=user("carol", B), action="s3:GetObject", resource=obj(BUCKET, "a.txt"), resourceAccount=A,
                  context={"aws:PrincipalOrgID": "o-a1b2c3d4e5"},
                  identityPolicies=[pol(allow("s3:GetObject", obj(BUCKET, "*")))],
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal=aws(B))),
                  rcps=[[RCP_FULL_AWS_ACCESS, EXTERNAL_PERIMETER]]))
    c.append(case("RCP secure-transport deny stops a plain HTTP request", "rcps", "ExplicitDeny",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  context={"aws:SecureTransport": "false"}, identityPolicies=[ADMIN],
                  rcps=[[RCP_FULL_AWS_ACCESS, SECURE_TRANSPORT]]))
    c.append(case("RCP secure-transport deny lets an HTTPS request through", "rcps", "Allow",
                  principal=ALICE, action="s3:GetObject", resource=obj(BUCKET, "a.txt"),
                  context={"aws:SecureTransport": "true"}, identityPolicies=[ADMIN],
                  rcps=[[RCP_FULL_AWS_ACCESS, SECURE_TRANSPORT]]))
    c.append(case("RCP deny stops anonymous access a public bucket policy would grant", "rcps", "ExplicitDeny",
                  principal="anonymous", action="s3:GetObject", resource=obj(BUCKET, "index.html"), resourceAccount=A,
                  resourcePolicy=pol(allow("s3:GetObject", obj(BUCKET, "*"), principal="*")),
                  rcps=[[RCP_FULL_AWS_ACCESS, pol(deny("s3:GetObject", obj(BUCKET, "*"), principal="*"))]]))
    c.append(case("RCP deny on sts:AssumeRole stops a cross-account role assumption the trust policy allows", "rcps", "ExplicitDeny",
                  principal=user("carol", B), action="sts:AssumeRole", resource=OPS_ROLE,
                  context={"aws:PrincipalOrgID": "o-zz99yy88xx"},
                  identityPolicies=[pol(allow("sts:AssumeRole", OPS_ROLE))],
                  resourcePolicy=pol(allow("sts:AssumeRole", principal=aws(B))),
                  rcps=[[RCP_FULL_AWS_ACCESS], [RCP_FULL_AWS_ACCESS, pol(deny("sts:AssumeRole", "*", principal="*",
                        condition={"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}))]]))
    c.append(case("RCP deny on a KMS key beats the key policy and identity policy", "rcpeval", "ExplicitDeny",
                  principal=ALICE, action="kms:ScheduleKeyDeletion", resource=KEY,
                  identityPolicies=[pol(allow("kms:*"))],
                  resourcePolicy=pol(allow("kms:*", "*", principal=aws(root(A)), sid="Enable IAM User Permissions")),
                  rcps=[[RCP_FULL_AWS_ACCESS, pol(deny("kms:ScheduleKeyDeletion", "*", principal="*"))]]))
    c.append(case("RCP deny at the root applies even though the account level only has RCPFullAWSAccess", "rcpeval", "ExplicitDeny",
                  principal=ALICE, action="sqs:DeleteQueue", resource=QUEUE, identityPolicies=[ADMIN],
                  rcps=[[RCP_FULL_AWS_ACCESS, pol(deny("sqs:DeleteQueue", "*", principal="*"))], [RCP_FULL_AWS_ACCESS], [RCP_FULL_AWS_ACCESS]]))
    c.append(case("RCPs and SCPs both allowing plus an identity allow: allowed", "rcps", "Allow",
                  principal=ALICE, action="sqs:SendMessage", resource=QUEUE, identityPolicies=[pol(allow("sqs:SendMessage", QUEUE))],
                  scps=[[FULL_AWS_ACCESS]], rcps=[[RCP_FULL_AWS_ACCESS]]))
    c.append(case("RCP allows everything but an SCP does not allow the action: implicitly denied", "rcps", "ImplicitDeny",
                  principal=ALICE, action="sqs:SendMessage", resource=QUEUE, identityPolicies=[pol(allow("sqs:SendMessage", QUEUE))],
                  scps=[[FULL_AWS_ACCESS], [S3_ONLY]], rcps=[[RCP_FULL_AWS_ACCESS]]))
    return c
