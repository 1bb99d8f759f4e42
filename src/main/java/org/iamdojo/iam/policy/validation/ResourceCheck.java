package org.iamdojo.iam.policy.validation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.iamdojo.iam.policy.LocatedJson.Scalar;

/** One value of Resource or NotResource: "*" or an ARN whose partition, service, Region and account fit. */
final class ResourceCheck {
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
            "aws-iso-e", "aws-iso-f", "aws-eusc");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private ResourceCheck() {
    }

    static void resource(ValidationRun run, Scalar s) {
        String v = s.text();
        run.variables(s);
        if (v.equals("*")) {
            return;
        }
        if (!v.startsWith("arn:")) {
            run.report(FindingCode.INVALID_ARN_PREFIX, s, v);
            return;
        }
        String[] parts = v.split(":", 6);
        if (parts.length < 6) {
            // A trailing wildcard may stand for the missing segments ("arn:aws:s3:::*" style shortcuts).
            if (!v.endsWith("*")) {
                run.report(FindingCode.ARN_MISSING_FIELDS, s, v);
            }
            return;
        }
        String partition = parts[1];
        String service = parts[2];
        if (ValidationRun.isLiteral(partition) && !PARTITIONS.contains(partition)) {
            run.report(FindingCode.INVALID_PARTITION, s, service);
        }
        if (service.isEmpty()) {
            run.report(FindingCode.ARN_MISSING_SERVICE, s, v);
            return;
        }
        if (ValidationRun.isLiteral(service)) {
            if (!service.equals(service.toLowerCase(Locale.ROOT))) {
                run.report(FindingCode.INVALID_ARN_SERVICE_CASE, s, service);
            } else if (!run.catalog.knowsArnService(service)) {
                run.report(FindingCode.INVALID_SERVICE, s, service);
            }
        }
        List<ArnShapes.Shape> shapes = run.arnShapes.candidates(service, parts[5]);
        region(run, s, service, parts[3], shapes);
        account(run, s, service, parts[4], shapes);
        if (parts[5].isEmpty()) {
            run.report(FindingCode.ARN_MISSING_RESOURCE, s, v);
        }
    }

    private static void region(ValidationRun run, Scalar s, String service, String region, List<ArnShapes.Shape> shapes) {
        if (region.isEmpty() || !ValidationRun.isLiteral(region)) {
            return;
        }
        if (!REGION.matcher(region).matches()) {
            run.report(FindingCode.INVALID_ARN_REGION, s, region);
        } else if (!shapes.isEmpty() && shapes.stream().noneMatch(ArnShapes.Shape::hasRegion)) {
            run.report(FindingCode.ARN_REGION_NOT_ALLOWED, s, service);
        }
    }

    private static void account(ValidationRun run, Scalar s, String service, String account,
                                List<ArnShapes.Shape> shapes) {
        if (account.isEmpty() || !ValidationRun.isLiteral(account)) {
            return;
        }
        if (!PrincipalCheck.ACCOUNT.matcher(account).matches() && !account.equals("aws")) {
            run.report(FindingCode.INVALID_ARN_ACCOUNT, s, account);
        } else if (!shapes.isEmpty() && shapes.stream().noneMatch(ArnShapes.Shape::hasAccount)) {
            run.report(FindingCode.ARN_ACCOUNT_NOT_ALLOWED, s, service);
        }
    }
}
