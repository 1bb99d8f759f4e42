package org.iamdojo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates authorize request lines the way a real account produces them: three identity policies (team S3
 * access with policy variables, EC2 by tag, DynamoDB/KMS/logs), a permissions boundary and a bucket policy, each
 * 600 B to 4 kB, with Sids, wildcards, NotAction, and string, IP, date, Bool, ARN and numeric conditions. With
 * {@code distinct} every line's policy texts differ (account, team, bucket, Sids, values), so no compiled-policy
 * cache can help; without it, the lines reuse 8 policy sets with varying requests. {@link #main} writes a file.
 */
public final class AuthorizeCorpusGenerator {
    private static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject",
            "ec2:StartInstances", "ec2:DescribeInstances", "dynamodb:GetItem", "dynamodb:PutItem", "kms:Decrypt",
            "iam:CreateUser", "logs:PutLogEvents", "sqs:SendMessage"};
    private static final String[] TEAMS = {"blue", "red", "green", "data", "web", "ops", "ml", "pay"};

    private AuthorizeCorpusGenerator() {
    }

    /** {@code n} JSON lines, each ending in '\n'. */
    public static byte[] lines(int n, boolean distinct, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(n * 9000);
        for (int i = 0; i < n; i++) {
            int set = distinct ? i : i % 8;
            line(sb, set, rnd);
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code n} lines: {@code AuthorizeCorpusGenerator FILE N distinct|repeated}. */
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[1]);
        Files.write(Path.of(args[0]), lines(n, !"repeated".equals(args[2]), 42L));
    }

    private static void line(StringBuilder sb, int set, Random rnd) {
        String account = String.format("%012d", 100000000000L + set * 7919L);
        String other = String.format("%012d", 900000000000L + set * 104729L);
        String team = TEAMS[set % TEAMS.length] + set;
        String user = "u" + rnd.nextInt(40) + "-" + team;
        String bucket = "corp-" + team + "-data-" + account;
        boolean session = rnd.nextInt(3) == 0;
        String principal = session ? "arn:aws:sts::" + account + ":assumed-role/" + team + "-app/s" + rnd.nextInt(100)
                : "arn:aws:iam::" + account + ":user/" + user;
        String action = ACTIONS[rnd.nextInt(ACTIONS.length)];
        String resource = resourceFor(action, account, team, bucket, user, rnd);
        sb.append("{\"principal\":\"").append(principal).append("\",\"action\":\"").append(action)
                .append("\",\"resource\":\"").append(resource).append("\",\"context\":{")
                .append("\"aws:SourceIp\":\"10.").append(rnd.nextInt(3)).append('.').append(rnd.nextInt(255))
                .append(".7\",\"aws:SecureTransport\":\"").append(rnd.nextInt(10) > 0)
                .append("\",\"aws:MultiFactorAuthPresent\":\"").append(rnd.nextBoolean())
                .append("\",\"aws:CurrentTime\":\"2025-0").append(1 + rnd.nextInt(9)).append("-1")
                .append(rnd.nextInt(10)).append("T10:00:00Z\",\"aws:PrincipalTag/team\":\"").append(team)
                .append("\",\"aws:ResourceTag/team\":\"").append(rnd.nextBoolean() ? team : "other")
                .append("\",\"aws:RequestedRegion\":\"").append(rnd.nextBoolean() ? "eu-west-1" : "us-east-1")
                .append("\",\"aws:PrincipalOrgID\":\"o-").append(set % 5 == 0 ? "stranger" : "a1b2c3d4e5")
                .append("\"}");
        if (session) {
            sb.append(",\"sessionIssuer\":\"arn:aws:iam::").append(account).append(":role/apps/").append(team)
                    .append("-app\"");
        }
        sb.append(",\"identityPolicies\":[");
        s3Team(sb, set, account, team, bucket);
        sb.append(',');
        ec2ByTag(sb, set, account, team);
        sb.append(',');
        dataServices(sb, set, account, team);
        sb.append("],\"permissionsBoundary\":");
        boundary(sb, set, account, team);
        sb.append(",\"resourcePolicy\":");
        bucketPolicy(sb, set, account, other, team, bucket);
        sb.append('}');
    }

    private static String resourceFor(String action, String account, String team, String bucket, String user,
            Random rnd) {
        String service = action.substring(0, action.indexOf(':'));
        return switch (service) {
            case "s3" -> action.equals("s3:ListBucket") ? "arn:aws:s3:::" + bucket
                    : "arn:aws:s3:::" + bucket + "/" + (rnd.nextBoolean() ? "home/" + user : "shared/" + team)
                    + "/f" + rnd.nextInt(1000) + ".csv";
            case "ec2" -> "arn:aws:ec2:eu-west-1:" + account + ":instance/i-0" + Integer.toHexString(rnd.nextInt());
            case "dynamodb" -> "arn:aws:dynamodb:eu-west-1:" + account + ":table/" + team + "-orders";
            case "kms" -> "arn:aws:kms:eu-west-1:" + account + ":key/" + team + "-0000-1111";
            case "logs" -> "arn:aws:logs:eu-west-1:" + account + ":log-group:/apps/" + team + ":log-stream:x";
            case "sqs" -> "arn:aws:sqs:eu-west-1:" + account + ":" + team + "-jobs";
            default -> "arn:aws:iam::" + account + ":user/new-" + team;
        };
    }

    private static void s3Team(StringBuilder sb, int set, String account, String team, String bucket) {
        sb.append("{\"Version\":\"2012-10-17\",\"Id\":\"s3-").append(team).append("\",\"Statement\":[")
                .append("{\"Sid\":\"ListTeamBucket").append(set).append("\",\"Effect\":\"Allow\",\"Action\":")
                .append("[\"s3:ListBucket\",\"s3:GetBucketLocation\"],\"Resource\":\"arn:aws:s3:::").append(bucket)
                .append("\",\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"\",\"home/\",\"home/${aws:username}/*\",")
                .append("\"shared/").append(team).append("/*\"]}}},")
                .append("{\"Sid\":\"OwnHome").append(set).append("\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",")
                .append("\"s3:PutObject\",\"s3:DeleteObject\"],\"Resource\":\"arn:aws:s3:::").append(bucket)
                .append("/home/${aws:username}/*\"},")
                .append("{\"Sid\":\"TeamShared").append(set).append("\",\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",")
                .append("\"Resource\":[\"arn:aws:s3:::").append(bucket).append("/shared/").append(team)
                .append("/*\",\"arn:aws:s3:::corp-public-").append(set % 97).append("/*\"],\"Condition\":{")
                .append("\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/16\",\"10.1.0.0/16\",\"192.0.2.").append(set % 250)
                .append("/32\"]}}},")
                .append("{\"Sid\":\"NoDeleteWithoutMfa").append(set).append("\",\"Effect\":\"Deny\",\"Action\":")
                .append("[\"s3:DeleteObject\",\"s3:DeleteBucket\"],\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":")
                .append("{\"aws:MultiFactorAuthPresent\":\"false\"}}},")
                .append("{\"Sid\":\"TlsOnly").append(set).append("\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",")
                .append("\"Resource\":[\"arn:aws:s3:::").append(bucket).append("\",\"arn:aws:s3:::").append(bucket)
                .append("/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
        // Some teams have project folders too: 0 to 6 more statements (the policy grows from ~1.1 to ~4 kB).
        for (int p = 0; p < set % 7; p++) {
            sb.append(",{\"Sid\":\"Project").append(set).append('x').append(p).append("\",\"Effect\":\"Allow\",")
                    .append("\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:GetObjectTagging\"],\"Resource\":")
                    .append("\"arn:aws:s3:::").append(bucket).append("/projects/p").append(p).append("-").append(team)
                    .append("/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/project\":\"p").append(p)
                    .append("\"},\"DateLessThan\":{\"aws:CurrentTime\":\"2026-0").append(1 + p).append("-01T00:00:00Z\"}}}");
        }
        sb.append("]}");
    }

    private static void ec2ByTag(StringBuilder sb, int set, String account, String team) {
        sb.append("{\"Version\":\"2012-10-17\",\"Statement\":[")
                .append("{\"Sid\":\"Describe").append(set).append("\",\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",")
                .append("\"cloudwatch:GetMetricData\",\"cloudwatch:ListMetrics\"],\"Resource\":\"*\"},")
                .append("{\"Sid\":\"StartStopOwn").append(set).append("\",\"Effect\":\"Allow\",\"Action\":[")
                .append("\"ec2:StartInstances\",\"ec2:StopInstances\",\"ec2:RebootInstances\"],\"Resource\":")
                .append("\"arn:aws:ec2:*:").append(account).append(":instance/*\",\"Condition\":{\"StringEquals\":")
                .append("{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\",\"aws:RequestedRegion\":[\"eu-west-1\",")
                .append("\"eu-central-1\"]}}},")
                .append("{\"Sid\":\"BusinessHours").append(set).append("\",\"Effect\":\"Deny\",\"Action\":")
                .append("\"ec2:TerminateInstances\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":")
                .append("{\"aws:CurrentTime\":\"2025-0").append(1 + set % 9).append("-01T00:00:00Z\"},")
                .append("\"DateLessThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"}}},")
                .append("{\"Sid\":\"PassAppRole").append(set).append("\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",")
                .append("\"Resource\":\"arn:aws:iam::").append(account).append(":role/apps/").append(team)
                .append("-*\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}}]}");
    }

    private static void dataServices(StringBuilder sb, int set, String account, String team) {
        sb.append("{\"Version\":\"2012-10-17\",\"Statement\":[")
                .append("{\"Sid\":\"Orders").append(set).append("\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",")
                .append("\"dynamodb:Query\",\"dynamodb:PutItem\",\"dynamodb:UpdateItem\"],\"Resource\":[")
                .append("\"arn:aws:dynamodb:eu-west-1:").append(account).append(":table/").append(team).append("-orders\",")
                .append("\"arn:aws:dynamodb:eu-west-1:").append(account).append(":table/").append(team)
                .append("-orders/index/*\"]},")
                .append("{\"Sid\":\"DecryptViaServices").append(set).append("\",\"Effect\":\"Allow\",\"Action\":")
                .append("[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":\"arn:aws:kms:eu-west-1:").append(account)
                .append(":key/*\",\"Condition\":{\"StringLike\":{\"kms:ViaService\":[\"s3.*.amazonaws.com\",")
                .append("\"dynamodb.*.amazonaws.com\"]}}},")
                .append("{\"Sid\":\"Logs").append(set).append("\",\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",")
                .append("\"logs:PutLogEvents\"],\"Resource\":\"arn:aws:logs:*:").append(account)
                .append(":log-group:/apps/").append(team).append(":*\"},")
                .append("{\"Sid\":\"Queues").append(set).append("\",\"Effect\":\"Allow\",\"Action\":\"sqs:*\",")
                .append("\"Resource\":\"arn:aws:sqs:*:").append(account).append(":").append(team).append("-*\",")
                .append("\"Condition\":{\"NumericLessThanEquals\":{\"sqs:MessageSize\":\"").append(1024 + set % 4096)
                .append("\"}}}]}");
    }

    private static void boundary(StringBuilder sb, int set, String account, String team) {
        sb.append("{\"Version\":\"2012-10-17\",\"Statement\":[")
                .append("{\"Sid\":\"ServiceBoundary").append(set).append("\",\"Effect\":\"Allow\",\"Action\":[\"s3:*\",")
                .append("\"ec2:*\",\"cloudwatch:*\",\"dynamodb:*\",\"kms:Decrypt\",\"kms:GenerateDataKey\",\"logs:*\",")
                .append("\"sqs:*\",\"iam:PassRole\",\"iam:Get*\",\"iam:List*\"],\"Resource\":\"*\"},")
                .append("{\"Sid\":\"NoBoundaryEscape").append(set).append("\",\"Effect\":\"Deny\",\"Action\":[")
                .append("\"iam:DeleteUserPermissionsBoundary\",\"iam:DeleteRolePermissionsBoundary\",")
                .append("\"iam:PutUserPermissionsBoundary\",\"iam:PutRolePermissionsBoundary\"],\"Resource\":\"*\"},")
                .append("{\"Sid\":\"RegionFence").append(set).append("\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",")
                .append("\"sts:*\",\"cloudfront:*\",\"route53:*\",\"support:*\"],\"Resource\":\"*\",\"Condition\":")
                .append("{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\",\"us-east-1\"]}}},")
                .append("{\"Sid\":\"OwnAccountOnly").append(set).append("\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",")
                .append("\"NotResource\":[\"arn:aws:s3:::corp-").append(team).append("-*\",\"arn:aws:s3:::corp-public-*\"],")
                .append("\"Condition\":{\"StringNotEquals\":{\"aws:ResourceAccount\":\"").append(account).append("\"}}}]}");
    }

    private static void bucketPolicy(StringBuilder sb, int set, String account, String other, String team,
            String bucket) {
        sb.append("{\"Version\":\"2012-10-17\",\"Id\":\"bucket-").append(bucket).append("\",\"Statement\":[")
                .append("{\"Sid\":\"PartnerRead").append(set).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[")
                .append("\"arn:aws:iam::").append(other).append(":root\",\"arn:aws:iam::").append(other)
                .append(":role/ingest\"]},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[")
                .append("\"arn:aws:s3:::").append(bucket).append("\",\"arn:aws:s3:::").append(bucket)
                .append("/shared/*\"]},")
                .append("{\"Sid\":\"TeamWrite").append(set).append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":")
                .append("\"arn:aws:iam::").append(account).append(":role/apps/").append(team).append("-app\"},")
                .append("\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::").append(bucket)
                .append("/shared/").append(team).append("/*\",\"Condition\":{\"StringEquals\":")
                .append("{\"s3:x-amz-server-side-encryption\":\"aws:kms\"}}},")
                .append("{\"Sid\":\"OrgOnly").append(set).append("\",\"Effect\":\"Deny\",\"Principal\":\"*\",")
                .append("\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::").append(bucket).append("\",\"arn:aws:s3:::")
                .append(bucket).append("/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":")
                .append("\"o-a1b2c3d4e5\"},\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::").append(other)
                .append(":*\"}}},")
                .append("{\"Sid\":\"CloudTrailAcl").append(set).append("\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":")
                .append("\"cloudtrail.amazonaws.com\"},\"Action\":\"s3:GetBucketAcl\",\"Resource\":\"arn:aws:s3:::")
                .append(bucket).append("\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"").append(account)
                .append("\"}}}]}");
    }
}
