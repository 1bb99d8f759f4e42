"""Cases for the condition operator families, IfExists, Null and set operators."""

from corpus_b_common import *  # noqa: F401,F403

DEPT = "aws:PrincipalTag/department"


def cond_string():
    c = []
    s = OPS_STRING
    c.append(cond_case("StringEquals matches the exact value", s, "StringEquals", DEPT, "finance", "finance", True))
    c.append(cond_case("StringEquals is case-sensitive (Finance vs finance)", s, "StringEquals", DEPT, "Finance",
                       "finance", False))
    c.append(case("StringEquals on aws:username is case-sensitive: user John does not match john", COND,
                  request([policy(allow(cond={"StringEquals": {"aws:username": "john"}}))],
                          principal=f"arn:aws:iam::{ACCOUNT}:user/John"), "ImplicitDeny"))
    c.append(cond_case("StringEquals treats * as a literal character, not a wildcard", s, "StringEquals", DEPT, "*",
                       "finance", False))
    c.append(cond_case("StringEquals with the key absent from the request is false", s, "StringEquals", DEPT,
                       "finance", MISSING, False))
    c.append(cond_case("StringNotEquals with a different value is true", s, "StringNotEquals", DEPT, "finance",
                       "marketing", True))
    c.append(cond_case("StringNotEquals with the same value is false", s, "StringNotEquals", DEPT, "finance",
                       "finance", False))
    c.append(cond_case("StringNotEquals with the key absent is true (negated operator)", OPS, "StringNotEquals",
                       DEPT, "finance", MISSING, True))
    c.append(cond_case("StringNotEquals is case-sensitive: Finance differs from finance", s, "StringNotEquals", DEPT,
                       "Finance", "finance", True))
    c.append(cond_case("StringEqualsIgnoreCase matches FINANCE against finance", s, "StringEqualsIgnoreCase", DEPT,
                       "FINANCE", "finance", True))
    c.append(cond_case("StringEqualsIgnoreCase does not match a different value", s, "StringEqualsIgnoreCase", DEPT,
                       "finance", "marketing", False))
    c.append(cond_case("StringEqualsIgnoreCase with the key absent is false", s, "StringEqualsIgnoreCase", DEPT,
                       "finance", MISSING, False))
    c.append(cond_case("StringNotEqualsIgnoreCase with a value differing only in case is false", s,
                       "StringNotEqualsIgnoreCase", DEPT, "FINANCE", "finance", False))
    c.append(cond_case("StringNotEqualsIgnoreCase with a different value is true", s, "StringNotEqualsIgnoreCase",
                       DEPT, "finance", "marketing", True))
    c.append(cond_case("StringNotEqualsIgnoreCase with the key absent is true (negated operator)", OPS,
                       "StringNotEqualsIgnoreCase", DEPT, "finance", MISSING, True))
    c.append(cond_case("StringLike prefix wildcard fin* matches finance", s, "StringLike", DEPT, "fin*", "finance",
                       True))
    c.append(cond_case("StringLike is case-sensitive: fin* does not match Finance", s, "StringLike", DEPT, "fin*",
                       "Finance", False))
    c.append(cond_case("StringLike * matches any present value", s, "StringLike", DEPT, "*", "anything-at-all", True))
    c.append(cond_case("StringLike * with the key absent is false", s, "StringLike", DEPT, "*", MISSING, False))
    c.append(cond_case("StringLike ? matches exactly one character (team-? vs team-a)", s, "StringLike",
                       "aws:PrincipalTag/team", "team-?", "team-a", True))
    c.append(cond_case("StringLike ? does not match two characters (team-? vs team-ab)", s, "StringLike",
                       "aws:PrincipalTag/team", "team-?", "team-ab", False))
    c.append(cond_case("StringLike without wildcards needs the whole string (finance vs finance-ops)", s,
                       "StringLike", DEPT, "finance", "finance-ops", False))
    c.append(cond_case("StringLike infix wildcard *ops* matches finance-ops-eu", s, "StringLike", DEPT, "*ops*",
                       "finance-ops-eu", True))
    c.append(cond_case("StringNotLike fin* with marketing is true", s, "StringNotLike", DEPT, "fin*", "marketing",
                       True))
    c.append(cond_case("StringNotLike fin* with finance is false", s, "StringNotLike", DEPT, "fin*", "finance", False))
    c.append(cond_case("StringNotLike with the key absent is true (negated operator)", OPS, "StringNotLike", DEPT,
                       "fin*", MISSING, True))
    c.append(cond_case("Deny with StringEquals on a matching value denies", s, "StringEquals", DEPT, "contractor",
                       "contractor", True, effect="Deny"))
    c.append(cond_case("Deny with StringNotEquals and the key absent denies (negated operator is true)", OPS,
                       "StringNotEquals", DEPT, "finance", MISSING, True, effect="Deny"))
    c.append(cond_case("Deny with StringLike and the key absent does not deny", OPS, "StringLike", DEPT, "contract*",
                       MISSING, False, effect="Deny"))
    c.append(cond_case("StringEquals compares digits as text (costCenter 12345)", s, "StringEquals",
                       "aws:PrincipalTag/costCenter", "12345", "12345", True))
    c.append(cond_case("StringLike on s3:prefix home/* matches home/alice/", s, "StringLike", "s3:prefix", "home/*",
                       "home/alice/", True, action="s3:ListBucket", resource=BUCKET_ARN))
    c.append(cond_case("StringEquals on aws:ResourceTag/project matches the resource's tag", KEYS +
                       "#condition-keys-resourcetag", "StringEquals", "aws:ResourceTag/project", "alpha", "alpha",
                       True, action="ec2:StopInstances",
                       resource=f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678"))
    c.append(cond_case("StringEquals on aws:RequestTag/env rejects a different requested tag value", KEYS +
                       "#condition-keys-requesttag", "StringEquals", "aws:RequestTag/env", "dev", "prod", False,
                       action="ec2:CreateTags",
                       resource=f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678"))
    c.append(case("StringEquals on aws:PrincipalAccount (always in the context) matches the caller's account",
                  KEYS + "#condition-keys-principalaccount",
                  request([policy(allow(cond={"StringEquals": {"aws:PrincipalAccount": ACCOUNT}}))]), "Allow"))
    c.append(case("StringEquals on aws:PrincipalAccount with another account does not match",
                  KEYS + "#condition-keys-principalaccount",
                  request([policy(allow(cond={"StringEquals": {"aws:PrincipalAccount": "444455556666"}}))]),
                  "ImplicitDeny"))
    return c


def cond_numeric():
    c = []
    n = OPS_NUMERIC
    lb = dict(action="s3:ListBucket", resource=BUCKET_ARN)
    k = "s3:max-keys"
    c.append(cond_case("NumericEquals 10 with max-keys 10", n, "NumericEquals", k, "10", "10", True, **lb))
    c.append(cond_case("NumericEquals 10 with max-keys 11", n, "NumericEquals", k, "10", "11", False, **lb))
    c.append(cond_case("NumericEquals compares numbers: 10 equals 10.0", n, "NumericEquals", k, "10", "10.0", True,
                       **lb))
    c.append(cond_case("NumericNotEquals 10 with max-keys 11 is true", n, "NumericNotEquals", k, "10", "11", True,
                       **lb))
    c.append(cond_case("NumericNotEquals 10 with max-keys 10 is false", n, "NumericNotEquals", k, "10", "10", False,
                       **lb))
    c.append(cond_case("NumericNotEquals with the key absent is true (negated operator)", OPS, "NumericNotEquals", k,
                       "10", MISSING, True, **lb))
    c.append(cond_case("NumericLessThan 10 with max-keys 9", n, "NumericLessThan", k, "10", "9", True, **lb))
    c.append(cond_case("NumericLessThan 10 with max-keys 10 is false (strict)", n, "NumericLessThan", k, "10", "10",
                       False, **lb))
    c.append(cond_case("NumericLessThanEquals 10 with max-keys 10", n, "NumericLessThanEquals", k, "10", "10", True,
                       **lb))
    c.append(cond_case("NumericLessThanEquals 10 with max-keys 11", n, "NumericLessThanEquals", k, "10", "11", False,
                       **lb))
    c.append(cond_case("NumericLessThanEquals with the key absent is false", n, "NumericLessThanEquals", k, "10",
                       MISSING, False, **lb))
    c.append(cond_case("NumericGreaterThan 10 with max-keys 11", n, "NumericGreaterThan", k, "10", "11", True, **lb))
    c.append(cond_case("NumericGreaterThan 10 with max-keys 10 is false (strict)", n, "NumericGreaterThan", k, "10",
                       "10", False, **lb))
    c.append(cond_case("NumericGreaterThanEquals 10 with max-keys 10", n, "NumericGreaterThanEquals", k, "10", "10",
                       True, **lb))
    c.append(cond_case("NumericGreaterThanEquals 10 with max-keys 9", n, "NumericGreaterThanEquals", k, "10", "9",
                       False, **lb))
    c.append(cond_case("NumericLessThan with a decimal policy value 10.5 and max-keys 10", n, "NumericLessThan", k,
                       "10.5", "10", True, **lb))
    c.append(cond_case("Numeric comparison is numeric, not lexical: 9 is less than 100", n, "NumericLessThan", k,
                       "100", "9", True, **lb))
    c.append(cond_case("NumericLessThanEquals with the policy value as a JSON number", n, "NumericLessThanEquals", k,
                       10, "5", True, **lb))
    c.append(cond_case("Deny with NumericGreaterThan 100 denies max-keys 1000", n, "NumericGreaterThan", k, "100",
                       "1000", True, effect="Deny", **lb))
    c.append(cond_case("Deny with NumericGreaterThan and the key absent does not deny", n, "NumericGreaterThan", k,
                       "100", MISSING, False, effect="Deny", **lb))
    return c


NOW = "2024-06-15T12:00:00Z"
NOW_EPOCH = "1718452800"
CT = "aws:CurrentTime"


def cond_date():
    c = []
    d = OPS_DATE
    c.append(cond_case("DateEquals with the same instant", d, "DateEquals", CT, NOW, NOW, True))
    c.append(cond_case("DateEquals with a different instant", d, "DateEquals", CT, "2024-06-15T12:00:01Z", NOW, False))
    c.append(cond_case("DateNotEquals with a different instant is true", d, "DateNotEquals", CT,
                       "2024-01-01T00:00:00Z", NOW, True))
    c.append(cond_case("DateNotEquals with the same instant is false", d, "DateNotEquals", CT, NOW, NOW, False))
    c.append(cond_case("DateNotEquals with aws:CurrentTime absent is true (negated operator)", OPS, "DateNotEquals",
                       CT, NOW, MISSING, True))
    c.append(cond_case("DateLessThan a later date is true", d, "DateLessThan", CT, "2024-07-01T00:00:00Z", NOW, True))
    c.append(cond_case("DateLessThan an earlier date is false", d, "DateLessThan", CT, "2024-06-01T00:00:00Z", NOW,
                       False))
    c.append(cond_case("DateLessThan the same instant is false (strict)", d, "DateLessThan", CT, NOW, NOW, False))
    c.append(cond_case("DateLessThanEquals the same instant is true", d, "DateLessThanEquals", CT, NOW, NOW, True))
    c.append(cond_case("DateGreaterThan an earlier date is true (aws:CurrentTime)", d, "DateGreaterThan", CT,
                       "2024-01-01T00:00:00Z", NOW, True))
    c.append(cond_case("DateGreaterThan a later date is false", d, "DateGreaterThan", CT, "2025-01-01T00:00:00Z", NOW,
                       False))
    c.append(cond_case("DateGreaterThanEquals the same instant is true", d, "DateGreaterThanEquals", CT, NOW, NOW,
                       True))
    c.append(cond_case("DateLessThan with a date-only ISO 8601 value (2024-07-01)", d, "DateLessThan", CT,
                       "2024-07-01", NOW, True))
    c.append(cond_case("ISO 8601 time zone offset: 14:00+02:00 is the same instant as 12:00Z (>=)", d,
                       "DateGreaterThanEquals", CT, "2024-06-15T14:00:00+02:00", NOW, True))
    c.append(cond_case("ISO 8601 time zone offset: 14:00+02:00 is not after 12:00Z (>)", d, "DateGreaterThan", CT,
                       "2024-06-15T14:00:00+02:00", NOW, False))
    c.append(cond_case("DateGreaterThan with epoch values on aws:EpochTime", d, "DateGreaterThan", "aws:EpochTime",
                       "1704067200", NOW_EPOCH, True))
    c.append(cond_case("DateLessThan with epoch values on aws:EpochTime is false for a past date", d, "DateLessThan",
                       "aws:EpochTime", "1704067200", NOW_EPOCH, False))
    c.append(cond_case("DateEquals with epoch values on aws:EpochTime", d, "DateEquals", "aws:EpochTime", NOW_EPOCH,
                       NOW_EPOCH, True))
    c.append(cond_case("DateGreaterThan with aws:CurrentTime absent is false", d, "DateGreaterThan", CT,
                       "2024-01-01T00:00:00Z", MISSING, False))
    c.append(cond_case("Deny after an expiry date: DateGreaterThan 2024-06-01 denies", d, "DateGreaterThan", CT,
                       "2024-06-01T00:00:00Z", NOW, True, effect="Deny"))
    c.append(case("Allow with DateGreaterThan on aws:TokenIssueTime does not apply to an IAM user's access keys", d,
                  request([policy(allow("iam:*AccessKey*", f"arn:aws:iam::{ACCOUNT}:user/*",
                                        {"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}))],
                          "iam:ListAccessKeys", f"arn:aws:iam::{ACCOUNT}:user/alice"), "ImplicitDeny"))
    c.append(case("Allow with DateGreaterThan on aws:TokenIssueTime applies to fresh temporary credentials", d,
                  request([policy(allow("iam:*AccessKey*", f"arn:aws:iam::{ACCOUNT}:user/*",
                                        {"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}))],
                          "iam:ListAccessKeys", f"arn:aws:iam::{ACCOUNT}:user/alice",
                          context={"aws:TokenIssueTime": "2024-06-15T11:00:00Z"},
                          principal=ROLE_SESSION), "Allow"))
    return c


ST = "aws:SecureTransport"
MFA = "aws:MultiFactorAuthPresent"
MFA_DOC = KEYS + "#condition-keys-multifactorauthpresent"


def cond_bool():
    c = []
    b = OPS_BOOL
    c.append(cond_case("Bool SecureTransport true with a TLS request", b, "Bool", ST, "true", "true", True))
    c.append(cond_case("Bool SecureTransport true with a plain HTTP request", b, "Bool", ST, "true", "false", False))
    c.append(cond_case("Bool SecureTransport true with the key absent is false", b, "Bool", ST, "true", MISSING,
                       False))
    c.append(cond_case("Bool with a JSON boolean true in the policy matches \"true\"", b, "Bool", ST, True, "true",
                       True))
    c.append(cond_case("Deny Bool SecureTransport false denies a plain HTTP request", b, "Bool", ST, "false", "false",
                       True, effect="Deny"))
    c.append(cond_case("Deny Bool SecureTransport false does not deny a TLS request", b, "Bool", ST, "false", "true",
                       False, effect="Deny"))
    c.append(cond_case("Deny Bool SecureTransport false does not deny when the key is absent", b, "Bool", ST, "false",
                       MISSING, False, effect="Deny"))
    c.append(cond_case("Allow Bool MFA true with MFA present", MFA_DOC, "Bool", MFA, "true", "true", True))
    c.append(cond_case("Allow Bool MFA true with long-term credentials (key absent) does not allow", MFA_DOC, "Bool",
                       MFA, "true", MISSING, False))
    c.append(cond_case("Allow Bool MFA true with MFA false does not allow", MFA_DOC, "Bool", MFA, "true", "false",
                       False))
    c.append(cond_case("Deny Bool MFA false does not deny long-term credentials (key absent)", MFA_DOC, "Bool", MFA,
                       "false", MISSING, False, effect="Deny"))
    c.append(cond_case("Deny Bool MFA false denies a session without MFA", MFA_DOC, "Bool", MFA, "false", "false",
                       True, effect="Deny"))
    c.append(cond_case("Deny Bool MFA false does not deny an MFA session", MFA_DOC, "Bool", MFA, "false", "true",
                       False, effect="Deny"))
    return c


BIN_KEY = "example:BinaryKey"
BIN_VALUE = "QmluYXJ5VmFsdWVJbkJhc2U2NA=="


def cond_binary():
    c = []
    b = OPS_BINARY
    c.append(cond_case("BinaryEquals with the same bytes (base64 in policy and request)", b, "BinaryEquals", BIN_KEY,
                       BIN_VALUE, BIN_VALUE, True))
    c.append(cond_case("BinaryEquals with different bytes", b, "BinaryEquals", BIN_KEY, BIN_VALUE,
                       "T3RoZXJCaW5hcnlWYWx1ZQ==", False))
    c.append(cond_case("BinaryEquals with the key absent is false", b, "BinaryEquals", BIN_KEY, BIN_VALUE, MISSING,
                       False))
    c.append(cond_case("Deny with BinaryEquals on the same bytes denies", b, "BinaryEquals", BIN_KEY, BIN_VALUE,
                       BIN_VALUE, True, effect="Deny"))
    c.append(cond_case("Deny with BinaryEquals on different bytes does not deny", b, "BinaryEquals", BIN_KEY,
                       BIN_VALUE, "T3RoZXJCaW5hcnlWYWx1ZQ==", False, effect="Deny"))
    return c


IP = "aws:SourceIp"


def cond_ip():
    c = []
    i = OPS_IP
    c.append(cond_case("IpAddress /24 with an address inside the range", i, "IpAddress", IP, "203.0.113.0/24",
                       "203.0.113.45", True))
    c.append(cond_case("IpAddress /24 with an address outside the range", i, "IpAddress", IP, "203.0.113.0/24",
                       "203.0.114.1", False))
    c.append(cond_case("IpAddress /24 includes the first address of the range", i, "IpAddress", IP, "203.0.113.0/24",
                       "203.0.113.0", True))
    c.append(cond_case("IpAddress /24 includes the last address of the range", i, "IpAddress", IP, "203.0.113.0/24",
                       "203.0.113.255", True))
    c.append(cond_case("IpAddress with aws:SourceIp absent is false", i, "IpAddress", IP, "203.0.113.0/24", MISSING,
                       False))
    c.append(cond_case("IpAddress /32 matches the single address", i, "IpAddress", IP, "192.0.2.10/32", "192.0.2.10",
                       True))
    c.append(cond_case("IpAddress /32 does not match the neighbouring address", i, "IpAddress", IP, "192.0.2.10/32",
                       "192.0.2.11", False))
    c.append(cond_case("IpAddress without a prefix defaults to /32 (match)", i, "IpAddress", IP, "192.0.2.10",
                       "192.0.2.10", True))
    c.append(cond_case("IpAddress without a prefix defaults to /32 (no match)", i, "IpAddress", IP, "192.0.2.10",
                       "192.0.2.11", False))
    c.append(cond_case("IpAddress /16 with an address inside the range", i, "IpAddress", IP, "10.1.0.0/16",
                       "10.1.255.254", True))
    c.append(cond_case("IpAddress IPv6 /64 with an address inside the range", i, "IpAddress", IP,
                       "2001:DB8:1234:5678::/64", "2001:db8:1234:5678:abcd:1:2:3", True))
    c.append(cond_case("IpAddress IPv6 /64 with an address in the next /64", i, "IpAddress", IP,
                       "2001:DB8:1234:5678::/64", "2001:db8:1234:5679::1", False))
    both = ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]
    c.append(cond_case("IpAddress with IPv4 and IPv6 ranges matches an IPv6 caller", i, "IpAddress", IP, both,
                       "2001:db8:1234:5678::42", True))
    c.append(cond_case("IpAddress with IPv4 and IPv6 ranges matches an IPv4 caller", i, "IpAddress", IP, both,
                       "203.0.113.7", True))
    c.append(cond_case("IpAddress with only an IPv6 range does not match an IPv4 caller", i, "IpAddress", IP,
                       "2001:DB8:1234:5678::/64", "203.0.113.7", False))
    c.append(cond_case("NotIpAddress with an address outside the range is true", i, "NotIpAddress", IP,
                       "203.0.113.0/24", "198.51.100.7", True))
    c.append(cond_case("NotIpAddress with an address inside the range is false", i, "NotIpAddress", IP,
                       "203.0.113.0/24", "203.0.113.5", False))
    c.append(cond_case("NotIpAddress with aws:SourceIp absent is true (negated operator)", OPS, "NotIpAddress", IP,
                       "203.0.113.0/24", MISSING, True))
    corp = ["192.0.2.0/24", "203.0.113.0/24"]
    c.append(cond_case("Deny NotIpAddress corporate ranges denies a caller from elsewhere", i, "NotIpAddress", IP,
                       corp, "198.51.100.7", True, effect="Deny"))
    c.append(cond_case("Deny NotIpAddress corporate ranges does not deny a caller in the second range", i,
                       "NotIpAddress", IP, corp, "203.0.113.77", False, effect="Deny"))
    return c


SRC = "aws:SourceArn"
TOPIC = f"arn:aws:sns:us-east-2:{ACCOUNT}:TopicA"
SQS = dict(action="sqs:SendMessage", resource=f"arn:aws:sqs:us-east-2:{ACCOUNT}:queue1")


def cond_arn():
    c = []
    a = OPS_ARN
    c.append(cond_case("ArnEquals with the same topic ARN", a, "ArnEquals", SRC, TOPIC, TOPIC, True, **SQS))
    c.append(cond_case("ArnEquals with another topic ARN", a, "ArnEquals", SRC, TOPIC,
                       f"arn:aws:sns:us-east-2:{ACCOUNT}:TopicB", False, **SQS))
    c.append(cond_case("ArnEquals with aws:SourceArn absent is false", a, "ArnEquals", SRC, TOPIC, MISSING, False,
                       **SQS))
    c.append(cond_case("ArnEquals accepts wildcards like ArnLike (behave identically)", a, "ArnEquals", SRC,
                       f"arn:aws:sns:us-east-2:{ACCOUNT}:*", TOPIC, True, **SQS))
    c.append(cond_case("ArnLike with a wildcard region segment", a, "ArnLike", SRC,
                       f"arn:aws:sns:*:{ACCOUNT}:TopicA", TOPIC, True, **SQS))
    c.append(cond_case("ArnLike with wildcard region and account segments", a, "ArnLike", SRC, "arn:aws:sns:*:*:TopicA",
                       "arn:aws:sns:eu-west-1:444455556666:TopicA", True, **SQS))
    c.append(cond_case("ArnLike is case-sensitive (topica vs TopicA)", a, "ArnLike", SRC,
                       f"arn:aws:sns:us-east-2:{ACCOUNT}:topica", TOPIC, False, **SQS))
    c.append(cond_case("ArnLike ? matches one character (Topic?)", a, "ArnLike", SRC,
                       f"arn:aws:sns:us-east-2:{ACCOUNT}:Topic?", TOPIC, True, **SQS))
    doc_pattern = "arn:aws:someservice:*:111122223333:finance/*"
    doc_value = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
    c.append(cond_case("ArnLike matches segment by segment: * in the region does not swallow colons", a, "ArnLike",
                       SRC, doc_pattern, doc_value, False, **SQS))
    c.append(cond_case("StringLike on the same ARN text matches across colons", a, "StringLike", SRC, doc_pattern,
                       doc_value, True, **SQS))
    c.append(cond_case("ArnNotEquals with another topic is true", a, "ArnNotEquals", SRC, TOPIC,
                       f"arn:aws:sns:us-east-2:{ACCOUNT}:TopicB", True, **SQS))
    c.append(cond_case("ArnNotEquals with the same topic is false", a, "ArnNotEquals", SRC, TOPIC, TOPIC, False,
                       **SQS))
    c.append(cond_case("ArnNotEquals with aws:SourceArn absent is true (negated operator)", OPS, "ArnNotEquals", SRC,
                       TOPIC, MISSING, True, **SQS))
    c.append(cond_case("ArnNotLike with a matching pattern is false", a, "ArnNotLike", SRC,
                       f"arn:aws:sns:*:{ACCOUNT}:*", TOPIC, False, **SQS))
    c.append(cond_case("ArnNotLike with a non-matching pattern is true", a, "ArnNotLike", SRC,
                       "arn:aws:sns:*:444455556666:*", TOPIC, True, **SQS))
    c.append(cond_case("ArnNotLike with aws:SourceArn absent is true (negated operator)", OPS, "ArnNotLike", SRC,
                       "arn:aws:sns:*:444455556666:*", MISSING, True, **SQS))
    pa = KEYS + "#condition-keys-principalarn"
    c.append(case("ArnLike on aws:PrincipalArn (always present) matches the calling user", pa,
                  request([policy(allow(cond={"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/*"}}))]),
                  "Allow"))
    c.append(case("ArnLike on aws:PrincipalArn with a role pattern does not match a user", pa,
                  request([policy(allow(cond={"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/*"}}))]),
                  "ImplicitDeny"))
    c.append(case("Deny unless the caller is an Admin role: ArnNotLike denies the user", pa,
                  request([policy(allow("s3:*", "*", sid="AllowS3"),
                                  deny("s3:*", "*", {"ArnNotLike": {
                                      "aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/Admin*"}}))]),
                  "ExplicitDeny"))
    return c


def cond_null():
    c = []
    nl = OPS_NULL
    tit = "aws:TokenIssueTime"
    ec2 = dict(action="ec2:DescribeInstances", resource="*")
    c.append(cond_case("Null true with the key absent (long-term credentials) is true", nl, "Null", tit, "true",
                       MISSING, True, **ec2))
    c.append(cond_case("Null true with the key present (temporary credentials) is false", nl, "Null", tit, "true",
                       "2024-06-15T11:00:00Z", False, **ec2))
    c.append(cond_case("Null false with the key present is true", nl, "Null", tit, "false", "2024-06-15T11:00:00Z",
                       True, **ec2))
    c.append(cond_case("Null false with the key absent is false", nl, "Null", tit, "false", MISSING, False, **ec2))
    c.append(cond_case("Null key names are case-insensitive (aws:tokenissuetime)", nl, "Null", "aws:tokenissuetime",
                       "true", MISSING, True, **ec2))
    c.append(cond_case("Null with a JSON boolean true in the policy", nl, "Null", tit, True, MISSING, True, **ec2))
    c.append(cond_case("Deny Null MFA true denies long-term credentials without the MFA key", MFA_DOC, "Null", MFA,
                       "true", MISSING, True, effect="Deny"))
    c.append(cond_case("Deny Null MFA true does not deny when the key is present even as false", MFA_DOC, "Null",
                       MFA, "true", "false", False, effect="Deny"))
    stop = dict(action="ec2:StopInstances", resource=f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678")
    c.append(cond_case("Null false on aws:ResourceTag/project requires the tag to exist (absent)", nl, "Null",
                       "aws:ResourceTag/project", "false", MISSING, False, **stop))
    c.append(cond_case("Null false on aws:ResourceTag/project requires the tag to exist (present)", nl, "Null",
                       "aws:ResourceTag/project", "false", "alpha", True, **stop))
    c.append(case("Null true for one key and false for another in one block: both must hold", MULTI,
                  request([policy(allow(cond={"Null": {"aws:TokenIssueTime": "true",
                                                        "aws:PrincipalTag/department": "false"}}))],
                          context={"aws:PrincipalTag/department": "finance"}), "Allow"))
    c.append(case("Null true for one key and false for another in one block: second key absent", MULTI,
                  request([policy(allow(cond={"Null": {"aws:TokenIssueTime": "true",
                                                        "aws:PrincipalTag/department": "false"}}))]),
                  "ImplicitDeny"))
    return c


def cond_ifexists():
    c = []
    f = OPS_IFEXISTS
    c.append(cond_case("StringEqualsIfExists with the key present and matching", f, "StringEqualsIfExists", DEPT,
                       "finance", "finance", True))
    c.append(cond_case("StringEqualsIfExists with the key present and not matching", f, "StringEqualsIfExists", DEPT,
                       "finance", "marketing", False))
    c.append(cond_case("StringEqualsIfExists with the key absent is true", f, "StringEqualsIfExists", DEPT,
                       "finance", MISSING, True))
    c.append(cond_case("Deny with StringEqualsIfExists and the key absent denies", f, "StringEqualsIfExists", DEPT,
                       "contractor", MISSING, True, effect="Deny"))
    c.append(cond_case("StringNotEqualsIfExists with the key present and equal is false", f,
                       "StringNotEqualsIfExists", DEPT, "finance", "finance", False))
    c.append(cond_case("Deny with StringNotEqualsIfExists still denies when the tag is missing", f,
                       "StringNotEqualsIfExists", "aws:ResourceTag/project", "alpha", MISSING, True, effect="Deny"))
    ec2 = dict(action="ec2:RunInstances", resource=f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/*")
    types = ["t1.*", "t2.*", "m3.*"]
    c.append(cond_case("StringLikeIfExists ec2:InstanceType t2.* allows t2.micro", f, "StringLikeIfExists",
                       "ec2:InstanceType", types, "t2.micro", True, **ec2))
    c.append(cond_case("StringLikeIfExists ec2:InstanceType rejects m5.large", f, "StringLikeIfExists",
                       "ec2:InstanceType", types, "m5.large", False, **ec2))
    c.append(cond_case("StringLikeIfExists with ec2:InstanceType absent (e.g. image resource) is true", f,
                       "StringLikeIfExists", "ec2:InstanceType", types, MISSING, True, action="ec2:RunInstances",
                       resource="arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890"))
    c.append(cond_case("StringLike (no IfExists) with ec2:InstanceType absent is false", OPS_IFEXISTS, "StringLike",
                       "ec2:InstanceType", types, MISSING, False, action="ec2:RunInstances",
                       resource="arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890"))
    c.append(cond_case("StringEqualsIgnoreCaseIfExists with the key absent is true", f,
                       "StringEqualsIgnoreCaseIfExists", DEPT, "FINANCE", MISSING, True))
    c.append(cond_case("StringNotLikeIfExists with the key present and matching is false", f,
                       "StringNotLikeIfExists", DEPT, "fin*", "finance", False))
    lb = dict(action="s3:ListBucket", resource=BUCKET_ARN)
    c.append(cond_case("NumericLessThanEqualsIfExists with max-keys 5", f, "NumericLessThanEqualsIfExists",
                       "s3:max-keys", "10", "5", True, **lb))
    c.append(cond_case("NumericLessThanEqualsIfExists with max-keys 50", f, "NumericLessThanEqualsIfExists",
                       "s3:max-keys", "10", "50", False, **lb))
    c.append(cond_case("NumericLessThanEqualsIfExists with max-keys absent is true", f,
                       "NumericLessThanEqualsIfExists", "s3:max-keys", "10", MISSING, True, **lb))
    c.append(cond_case("DateLessThanIfExists with aws:CurrentTime absent is true", f, "DateLessThanIfExists", CT,
                       "2024-07-01T00:00:00Z", MISSING, True))
    c.append(cond_case("DateLessThanIfExists with a current time after the limit is false", f,
                       "DateLessThanIfExists", CT, "2024-06-01T00:00:00Z", NOW, False))
    c.append(cond_case("DateGreaterThanIfExists with a current time after the limit is true", f,
                       "DateGreaterThanIfExists", CT, "2024-06-01T00:00:00Z", NOW, True))
    c.append(cond_case("BoolIfExists SecureTransport true with the key absent is true", f, "BoolIfExists", ST,
                       "true", MISSING, True))
    c.append(cond_case("BoolIfExists SecureTransport true with false is false", f, "BoolIfExists", ST, "true",
                       "false", False))
    c.append(cond_case("Deny BoolIfExists MFA false denies long-term credentials (key absent)", MFA_DOC,
                       "BoolIfExists", MFA, "false", MISSING, True, effect="Deny"))
    c.append(cond_case("Deny BoolIfExists MFA false denies a session without MFA", MFA_DOC, "BoolIfExists", MFA,
                       "false", "false", True, effect="Deny"))
    c.append(cond_case("Deny BoolIfExists MFA false does not deny an MFA session", MFA_DOC, "BoolIfExists", MFA,
                       "false", "true", False, effect="Deny"))
    c.append(cond_case("BinaryEqualsIfExists with the key absent is true", f, "BinaryEqualsIfExists", BIN_KEY,
                       BIN_VALUE, MISSING, True))
    c.append(cond_case("BinaryEqualsIfExists with different bytes is false", f, "BinaryEqualsIfExists", BIN_KEY,
                       BIN_VALUE, "T3RoZXJCaW5hcnlWYWx1ZQ==", False))
    c.append(cond_case("IpAddressIfExists with aws:SourceIp absent is true", f, "IpAddressIfExists", IP,
                       "203.0.113.0/24", MISSING, True))
    c.append(cond_case("IpAddressIfExists with an address outside the range is false", f, "IpAddressIfExists", IP,
                       "203.0.113.0/24", "198.51.100.7", False))
    c.append(cond_case("IpAddressIfExists with an address inside the range is true", f, "IpAddressIfExists", IP,
                       "203.0.113.0/24", "203.0.113.9", True))
    c.append(cond_case("NotIpAddressIfExists with an address inside the range is false", f, "NotIpAddressIfExists",
                       IP, "203.0.113.0/24", "203.0.113.9", False))
    c.append(cond_case("NotIpAddressIfExists with aws:SourceIp absent is true", f, "NotIpAddressIfExists", IP,
                       "203.0.113.0/24", MISSING, True))
    c.append(cond_case("ArnLikeIfExists with aws:SourceArn absent is true", f, "ArnLikeIfExists", SRC,
                       f"arn:aws:sns:*:{ACCOUNT}:*", MISSING, True, **SQS))
    c.append(cond_case("ArnLikeIfExists with a non-matching ARN is false", f, "ArnLikeIfExists", SRC,
                       f"arn:aws:sns:*:{ACCOUNT}:*", "arn:aws:sns:us-east-2:444455556666:TopicA", False, **SQS))
    c.append(cond_case("ArnEqualsIfExists with the same ARN is true", f, "ArnEqualsIfExists", SRC, TOPIC, TOPIC, True,
                       **SQS))
    c.append(cond_case("ArnNotEqualsIfExists with the same ARN is false", f, "ArnNotEqualsIfExists", SRC, TOPIC,
                       TOPIC, False, **SQS))
    return c


TK = "aws:TagKeys"
TAG = dict(action="iam:TagUser", resource=f"arn:aws:iam::{ACCOUNT}:user/bob")


def cond_set_operators():
    c = []
    sm = SINGLE_MULTI
    fa = "ForAllValues:StringEquals"
    allowed = ["env", "owner"]
    c.append(cond_case("ForAllValues: every requested tag key is allowed (one key)", sm, fa, TK, allowed, ["env"],
                       True, **TAG))
    c.append(cond_case("ForAllValues: every requested tag key is allowed (all keys)", sm, fa, TK, allowed,
                       ["env", "owner"], True, **TAG))
    c.append(cond_case("ForAllValues: one requested tag key outside the list fails", sm, fa, TK, allowed,
                       ["env", "cost-center"], False, **TAG))
    c.append(cond_case("ForAllValues: empty set of requested values is true", sm, fa, TK, allowed, [], True, **TAG))
    c.append(cond_case("ForAllValues with Allow: key missing from the request is true (risky)", sm, fa, TK, allowed,
                       MISSING, True, **TAG))
    c.append(cond_case("ForAllValues: request value given as a single string is a set of one", sm, fa, TK, allowed,
                       "owner", True, **TAG))
    c.append(cond_case("ForAllValues:StringEquals is case-sensitive (Env is not env)", sm, fa, TK, allowed, ["Env"],
                       False, **TAG))
    c.append(cond_case("ForAllValues:StringEqualsIgnoreCase accepts ENV for env", sm,
                       "ForAllValues:StringEqualsIgnoreCase", TK, allowed, ["ENV"], True, **TAG))
    guarded = {"ForAllValues:StringEquals": {TK: allowed}, "Null": {TK: "false"}}
    c.append(case("ForAllValues plus Null false: a missing key no longer allows", MV_EXAMPLES,
                  request([policy(allow(TAG["action"], "*", guarded))], TAG["action"], TAG["resource"]),
                  "ImplicitDeny"))
    c.append(case("ForAllValues plus Null false: an allowed key set still allows", MV_EXAMPLES,
                  request([policy(allow(TAG["action"], "*", guarded))], TAG["action"], TAG["resource"],
                          {TK: ["env"]}), "Allow"))
    fy = "ForAnyValue:StringEquals"
    c.append(cond_case("ForAnyValue: one requested key in the list is enough", sm, fy, TK, allowed,
                       ["env", "cost-center"], True, **TAG))
    c.append(cond_case("ForAnyValue: no requested key in the list is false", sm, fy, TK, allowed, ["cost-center"],
                       False, **TAG))
    c.append(cond_case("ForAnyValue: empty set of requested values is false", sm, fy, TK, allowed, [], False, **TAG))
    c.append(cond_case("ForAnyValue: key missing from the request is false", sm, fy, TK, allowed, MISSING, False,
                       **TAG))
    c.append(cond_case("ForAnyValue: request value given as a single string is a set of one", sm, fy, TK, allowed,
                       "env", True, **TAG))
    fl = "ForAllValues:StringLike"
    pats = ["env*", "team-?"]
    c.append(cond_case("ForAllValues:StringLike with wildcards: all keys match a pattern", sm, fl, TK, pats,
                       ["env-prod", "team-a"], True, **TAG))
    c.append(cond_case("ForAllValues:StringLike with wildcards: one key matches no pattern", sm, fl, TK, pats,
                       ["env-prod", "teams"], False, **TAG))
    c.append(cond_case("Deny ForAnyValue:StringLike admin*: a request carrying an admin tag key is denied", sm,
                       "ForAnyValue:StringLike", TK, "admin*", ["admin-role", "env"], True, effect="Deny", **TAG))
    c.append(cond_case("Deny ForAnyValue:StringLike admin*: no admin tag key is not denied", sm,
                       "ForAnyValue:StringLike", TK, "admin*", ["env"], False, effect="Deny", **TAG))
    c.append(cond_case("Deny ForAnyValue:StringLike admin*: key missing is not denied", sm,
                       "ForAnyValue:StringLike", TK, "admin*", MISSING, False, effect="Deny", **TAG))
    fn = "ForAllValues:StringNotLike"
    c.append(cond_case("Deny ForAllValues:StringNotLike key1*: key1:legal is not denied", MV_EXAMPLES, fn, TK, "key1*",
                       ["key1:legal"], False, effect="Deny", **TAG))
    c.append(cond_case("Deny ForAllValues:StringNotLike key1*: key1:hr and key1:personnel are not denied",
                       MV_EXAMPLES, fn, TK, "key1*", ["key1:hr", "key1:personnel"], False, effect="Deny", **TAG))
    c.append(cond_case("Deny ForAllValues:StringNotLike key1*: key2:audit is denied", MV_EXAMPLES, fn, TK, "key1*",
                       ["key2:audit"], True, effect="Deny", **TAG))
    c.append(cond_case("Deny ForAllValues:StringNotLike key1*: no aws:TagKeys in the request is denied", MV_EXAMPLES,
                       fn, TK, "key1*", MISSING, True, effect="Deny", **TAG))
    c.append(cond_case("ForAllValues:StringNotEquals: every requested key differs from all listed keys", MULTI,
                       "ForAllValues:StringNotEquals", TK, ["confidential", "restricted"], ["env", "owner"], True,
                       **TAG))
    c.append(cond_case("ForAllValues:StringNotEquals: one requested key equals a listed key", MULTI,
                       "ForAllValues:StringNotEquals", TK, ["confidential", "restricted"], ["env", "restricted"],
                       False, **TAG))
    return c


def cond_multi():
    c = []
    m = MULTI
    two_ops = {"StringEquals": {DEPT: "finance"}, "IpAddress": {IP: "203.0.113.0/24"}}
    c.append(case("Two condition operators are ANDed: both true", m,
                  request([policy(allow(cond=two_ops))], context={DEPT: "finance", IP: "203.0.113.10"}), "Allow"))
    c.append(case("Two condition operators are ANDed: one false", m,
                  request([policy(allow(cond=two_ops))], context={DEPT: "finance", IP: "198.51.100.10"}),
                  "ImplicitDeny"))
    two_keys = {"StringEquals": {DEPT: "finance", "aws:PrincipalTag/team": "payments"}}
    c.append(case("Two keys under one operator are ANDed: both match", m,
                  request([policy(allow(cond=two_keys))], context={DEPT: "finance", "aws:PrincipalTag/team": "payments"}),
                  "Allow"))
    c.append(case("Two keys under one operator are ANDed: one differs", m,
                  request([policy(allow(cond=two_keys))], context={DEPT: "finance", "aws:PrincipalTag/team": "ledger"}),
                  "ImplicitDeny"))
    c.append(case("Two keys under one operator are ANDed: one absent", m,
                  request([policy(allow(cond=two_keys))], context={DEPT: "finance"}), "ImplicitDeny"))
    c.append(cond_case("Several values for one key are ORed: second value matches", m, "StringEquals", DEPT,
                       ["finance", "hr"], "hr", True))
    c.append(cond_case("Several values for one key are ORed: no value matches", m, "StringEquals", DEPT,
                       ["finance", "hr"], "legal", False))
    c.append(cond_case("Negated operator with several values is NOR: equal to one listed value is false", m,
                       "StringNotEquals", DEPT, ["finance", "hr"], "hr", False))
    c.append(cond_case("Negated operator with several values is NOR: differs from all is true", m,
                       "StringNotEquals", DEPT, ["finance", "hr"], "legal", True))
    c.append(cond_case("StringNotLike with several patterns is NOR: matching one pattern is false", m,
                       "StringNotLike", DEPT, ["fin*", "hr*"], "finance", False))
    c.append(cond_case("StringNotLike with several patterns is NOR: matching none is true", m, "StringNotLike", DEPT,
                       ["fin*", "hr*"], "legal", True))
    lb = dict(action="s3:ListBucket", resource=BUCKET_ARN)
    c.append(cond_case("NumericNotEquals with several values is NOR: equal to the second is false", m,
                       "NumericNotEquals", "s3:max-keys", ["10", "20"], "20", False, **lb))
    c.append(cond_case("NumericNotEquals with several values is NOR: 15 differs from both", m, "NumericNotEquals",
                       "s3:max-keys", ["10", "20"], "15", True, **lb))
    c.append(cond_case("NotIpAddress with several ranges is NOR: inside the second range is false", m,
                       "NotIpAddress", IP, ["192.0.2.0/24", "203.0.113.0/24"], "203.0.113.200", False))
    c.append(case("Condition key names are case-insensitive: aws:sourceip in policy, aws:SourceIp in request", COND,
                  request([policy(allow(cond={"IpAddress": {"aws:sourceip": "203.0.113.0/24"}}))],
                          context={"aws:SourceIp": "203.0.113.10"}), "Allow"))
    c.append(case("Condition key names are case-insensitive: AWS:SourceIp in policy, aws:sourceip in request", COND,
                  request([policy(allow(cond={"IpAddress": {"AWS:SourceIp": "203.0.113.0/24"}}))],
                          context={"aws:sourceip": "203.0.113.10"}), "Allow"))
    c.append(case("Condition key names are case-insensitive but values are not (StringEquals)", COND,
                  request([policy(allow(cond={"StringEquals": {"AWS:PrincipalTag/department": "finance"}}))],
                          context={DEPT: "Finance"}), "ImplicitDeny"))
    c.append(cond_case("A one-element array in the request is compared like a single value", m, "StringEquals",
                       "aws:RequestedRegion", "eu-west-1", ["eu-west-1"], True, action="ec2:RunInstances",
                       resource=f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/*"))
    region_deny = deny(None, "*", {"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]}},
                       sid="DenyOutsideEU", not_action=["iam:*", "sts:*", "support:*"])
    rd = KEYS + "#condition-keys-requestedregion"
    c.append(case("Region guardrail: request to us-east-1 is denied", rd,
                  request([policy(allow("*", "*", sid="AllowAll"), region_deny)], "ec2:RunInstances",
                          f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/*", {"aws:RequestedRegion": "us-east-1"}),
                  "ExplicitDeny"))
    c.append(case("Region guardrail: request to eu-west-1 is allowed", rd,
                  request([policy(allow("*", "*", sid="AllowAll"), region_deny)], "ec2:RunInstances",
                          f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/*", {"aws:RequestedRegion": "eu-west-1"}),
                  "Allow"))
    c.append(case("Region guardrail: excluded IAM action is not denied in us-east-1", rd,
                  request([policy(allow("*", "*", sid="AllowAll"), region_deny)], "iam:GetUser",
                          f"arn:aws:iam::{ACCOUNT}:user/alice", {"aws:RequestedRegion": "us-east-1"}),
                  "Allow"))
    both = {"NotIpAddress": {IP: "203.0.113.0/24"}, "Bool": {ST: "false"}}
    c.append(case("Deny needs every condition true: outside network but over TLS is not denied", m,
                  request([policy(allow("s3:*", "*", sid="AllowS3"), deny("s3:*", "*", both))],
                          context={IP: "198.51.100.7", ST: "true"}), "Allow"))
    c.append(case("Deny needs every condition true: outside network and plain HTTP is denied", m,
                  request([policy(allow("s3:*", "*", sid="AllowS3"), deny("s3:*", "*", both))],
                          context={IP: "198.51.100.7", ST: "false"}), "ExplicitDeny"))
    tagging = {"StringEquals": {"aws:RequestTag/env": ["dev", "test"]},
               "ForAllValues:StringEquals": {TK: ["env", "owner"]}}
    c.append(case("RequestTag value and TagKeys set together: allowed tag and value", m,
                  request([policy(allow("ec2:CreateTags", "*", tagging))], "ec2:CreateTags",
                          f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678",
                          {"aws:RequestTag/env": "test", TK: ["env"]}), "Allow"))
    c.append(case("RequestTag value and TagKeys set together: disallowed tag value", m,
                  request([policy(allow("ec2:CreateTags", "*", tagging))], "ec2:CreateTags",
                          f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abcd1234efgh5678",
                          {"aws:RequestTag/env": "prod", TK: ["env"]}), "ImplicitDeny"))
    return c
