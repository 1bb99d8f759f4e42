package org.iamdojo.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.iamdojo.iam.access.AccessMap;
import org.iamdojo.iam.access.AccessMapper;
import org.iamdojo.iam.access.EscalationPath;
import org.iamdojo.iam.account.AccessKey;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.Caller;
import org.iamdojo.iam.account.CallerType;
import org.iamdojo.iam.account.IamGroup;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.InstanceProfile;
import org.iamdojo.iam.account.PasswordPolicy;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.account.SessionKind;
import org.iamdojo.iam.account.TemporarySession;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.iam.cloud.Ec2Inspection;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.cloud.Ec2State;
import org.iamdojo.iam.cloud.S3Operations;
import org.iamdojo.iam.cloud.S3State;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.Statement;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.sts.StsOperations;
import org.iamdojo.iam.time.SandboxClock;
import org.iamdojo.iam.cloud.KmsState;
import org.iamdojo.iam.cloud.KmsOperations;
import org.iamdojo.iam.analysis.NoNewAccessCheck;
import org.iamdojo.iam.analysis.ReferenceBoundCheck;
import org.iamdojo.iam.analysis.SmallestFix;
import org.iamdojo.iam.policy.PolicyDocument;
import org.iamdojo.iam.policy.PrincipalBlock;

/**
 * Grades an attempt on the state of its sandbox, never on the path the learner took: every check runs against
 * the current IAM, S3, EC2 and CloudTrail state through the policy engine. Scoring rules are in
 * scenarios/README.md. Thread-safe; holds the action catalog only.
 */
public final class Grader {
    /** An account id no scenario uses: stands for "anyone else" when probing trust policies. */
    static final String STRANGER_ACCOUNT = "999988887777";
    private static final String ALLOW_ASSUME = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";
    /**
     * Actions authorized against the role's trust policy: AssumeRole and what rides along with it (session tags,
     * source identity) https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
     */
    private static final Set<String> TRUST_POLICY_ACTIONS = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity");
    private final ActionCatalog catalog;
    private final PolicyValidator validator;
    private final Authorizer authorizer = new Authorizer();
    private final CompiledPolicy allowAssume;
    private final ReferenceBoundCheck bound;
    private final SmallestFix fixer;

    private final Map<String, Set<Integer>> initial = new ConcurrentHashMap<>();

    /**
     * A grader that enumerates services' actions from the validator's catalog and builds the untouched starting
     * sandboxes (for checks that hold before the learner acts) with {@code validator}, the app's one instance.
     */
    public Grader(PolicyValidator validator) {
        this.validator = validator;
        this.catalog = validator.catalog();
        this.bound = new ReferenceBoundCheck(catalog);
        this.fixer = new SmallestFix(bound);
        try {
            this.allowAssume = CompiledPolicy.parse(ALLOW_ASSUME, "probe identity policy");
        } catch (PolicyParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grades the attempt's sandbox against its scenario. */
    public GradeReport grade(Attempt attempt) {
        long start = System.nanoTime();
        Scenario scenario = attempt.scenario();
        Sandbox sandbox = attempt.sandbox();
        List<GradeReport.CheckResult> results = new ArrayList<>();
        sandbox.lock().lock();
        try {
            Run run = new Run(attempt);
            for (Check check : scenario.checks()) {
                results.add(run.check(check));
            }
        } finally {
            sandbox.lock().unlock();
        }
        results = withoutFreePoints(scenario, results);
        int earned = results.stream().mapToInt(GradeReport.CheckResult::earned).sum();
        int hints = 0;
        for (HintUse used : attempt.hintsUsed()) {
            hints += used.in(scenario).costOrZero();
        }
        int total = Math.max(0, earned - hints);
        boolean allPassed = results.stream().allMatch(GradeReport.CheckResult::passed);
        Integer passScore = scenario.scoring().passScore();
        boolean passed = passScore == null ? allPassed : total >= passScore && allPassed;
        return new GradeReport(scenario.id(), List.copyOf(results), earned, hints, total, scenario.maxPoints(), passed,
                System.nanoTime() - start);
    }

    /**
     * Checks that already hold in the scenario's untouched starting sandbox ("tom cannot delete", "nothing
     * beyond", "the legal bucket is still there") earn their points only once at least one check that failed
     * at the start passes, so doing nothing scores nothing.
     */
    /** Why a check that holds earns nothing yet (shown beside its 0 points). */
    static final Text WITHHELD = new Text(
            "This already holds in the untouched sandbox, so it earns its points only once one of the other checks passes.",
            "손대지 않은 샌드박스에서도 이미 성립하므로, 다른 검사 중 하나를 통과해야 점수가 주어집니다.");

    List<GradeReport.CheckResult> withoutFreePoints(Scenario scenario, List<GradeReport.CheckResult> results) {
        Set<Integer> free = initiallyPassing(scenario);
        boolean progress = false;
        for (int i = 0; i < results.size(); i++) {
            if (!free.contains(i) && results.get(i).passed()) {
                progress = true;
            }
        }
        if (progress || free.size() == results.size()) {
            return results;
        }
        List<GradeReport.CheckResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GradeReport.CheckResult r = results.get(i);
            out.add(free.contains(i) && r.passed() ? new GradeReport.CheckResult(r.check(), true, 0, WITHHELD,
                    r.excessActions()) : r);
        }
        return out;
    }

    private Set<Integer> initiallyPassing(Scenario scenario) {
        return initial.computeIfAbsent(scenario.id() + "@" + scenario.version() + "#" + System.identityHashCode(scenario), k -> {
            Attempt fresh = Attempt.start(scenario, SandboxClock.system(), 1L, validator);
            Set<Integer> passing = new HashSet<>();
            fresh.sandbox().lock().lock();
            try {
                Run run = new Run(fresh);
                for (int i = 0; i < scenario.checks().size(); i++) {
                    if (run.check(scenario.checks().get(i)).passed()) {
                        passing.add(i);
                    }
                }
            } finally {
                fresh.sandbox().lock().unlock();
            }
            return Set.copyOf(passing);
        });
    }

    /** One grading pass over one attempt. */
    private final class Run {
        private final Attempt attempt;
        private final Sandbox sandbox;
        private final Scenario scenario;

        Run(Attempt attempt) {
            this.attempt = attempt;
            this.sandbox = attempt.sandbox();
            this.scenario = attempt.scenario();
        }

        GradeReport.CheckResult check(Check check) {
            Outcome o = evaluate(check);
            Text why = o.explanation;
            if (!o.passed && check.failure() != null) {
                why = why == null ? check.failure() : check.failure().then(why);
            }
            int earned = o.passed ? check.points() : o.partial;
            return new GradeReport.CheckResult(check, o.passed, earned, o.passed ? null : why, o.excess, o.proof);
        }

        Outcome evaluate(Check check) {
            if (check instanceof Check.Allowed a) {
                return access(a.principal(), a.account(), new Check.Access(a.action(), a.resource(), a.context()), true);
            }
            if (check instanceof Check.Denied d) {
                return access(d.principal(), d.account(), new Check.Access(d.action(), d.resource(), d.context()), false);
            }
            if (check instanceof Check.PermissionsWithin w) {
                return within(w);
            }
            if (check instanceof Check.Entity e) {
                return entity(e);
            }
            if (check instanceof Check.Membership m) {
                IamUser u = account(m.account()).user(m.user());
                boolean in = u != null && u.groups().stream().anyMatch(g -> g.equalsIgnoreCase(m.group()));
                boolean want = m.member() == null || m.member();
                return in == want ? Outcome.PASS : Outcome.fail(want
                        ? new Text("User " + m.user() + " is not in group " + m.group() + ".",
                        "사용자 " + m.user() + "이(가) 그룹 " + m.group() + "에 속해 있지 않습니다.")
                        : new Text("User " + m.user() + " is still in group " + m.group() + ".",
                        "사용자 " + m.user() + "이(가) 아직 그룹 " + m.group() + "에 속해 있습니다."));
            }
            if (check instanceof Check.NoUserPolicies n) {
                List<String> offenders = new ArrayList<>();
                for (IamUser u : account(n.account()).users()) {
                    if ((n.users() == null || n.users().stream().anyMatch(u.name()::equalsIgnoreCase))
                            && (!u.inlinePolicies().isEmpty() || !u.attachedPolicyArns().isEmpty())) {
                        offenders.add(u.name());
                    }
                }
                return offenders.isEmpty() ? Outcome.PASS : Outcome.fail(new Text(
                        "These users have policies of their own: " + offenders + ". Attach policies to groups and put users in groups.",
                        "다음 사용자에게 직접 연결된 정책이 있습니다: " + offenders + ". 정책은 그룹에 연결하고 사용자를 그룹에 추가하세요."));
            }
            if (check instanceof Check.RootSecured r) {
                SandboxAccount acct = account(r.account());
                List<Text> problems = new ArrayList<>();
                if (!Boolean.FALSE.equals(r.mfa()) && acct.root().mfaDevice() == null) {
                    problems.add(new Text("the root user has no MFA device", "루트 사용자에게 MFA 디바이스가 없습니다"));
                }
                if (!Boolean.FALSE.equals(r.noAccessKeys()) && !acct.root().accessKeys().isEmpty()) {
                    problems.add(new Text("the root user still has " + acct.root().accessKeys().size() + " access key(s)",
                            "루트 사용자에게 아직 액세스 키가 " + acct.root().accessKeys().size() + "개 있습니다"));
                }
                return problems.isEmpty() ? Outcome.PASS : Outcome.fail(join(problems));
            }
            if (check instanceof Check.UserCredentials u) {
                return credentials(u);
            }
            if (check instanceof Check.NoConsoleAndKeys n) {
                List<String> both = new ArrayList<>();
                for (IamUser u : account(n.account()).users()) {
                    boolean excepted = n.except() != null && n.except().stream().anyMatch(u.name()::equalsIgnoreCase);
                    if (!excepted && u.loginProfile() != null && u.accessKeys().stream().anyMatch(AccessKey::active)) {
                        both.add(u.name());
                    }
                }
                return both.isEmpty() ? Outcome.PASS : Outcome.fail(new Text(
                        "These users have both a console password and active access keys: " + both + ".",
                        "다음 사용자는 콘솔 암호와 활성 액세스 키를 모두 가지고 있습니다: " + both + "."));
            }
            if (check instanceof Check.RoleTrust t) {
                return trust(t);
            }
            if (check instanceof Check.InstanceRole r) {
                return instanceRole(r);
            }
            if (check instanceof Check.NoKeysInUserData n) {
                String id = n.instance() == null ? null : attempt.instanceId(n.instance());
                List<Ec2Inspection.UserDataFinding> found = Ec2Inspection.accessKeysInUserData(sandbox).stream()
                        .filter(f -> id == null || f.instanceId().equals(id)).toList();
                if (found.isEmpty()) {
                    return Outcome.PASS;
                }
                Ec2Inspection.UserDataFinding f = found.get(0);
                return Outcome.fail(new Text("The user data of instance " + f.instanceId() + " still holds "
                        + credentialName(f.kind()) + " on line " + f.line() + ".",
                        "인스턴스 " + f.instanceId() + "의 사용자 데이터 " + f.line() + "번째 줄에 아직 " + f.kind() + "이(가) 있습니다."));
            }
            if (check instanceof Check.Trail t) {
                return trail(t);
            }
            if (check instanceof Check.MaxSessionDuration m) {
                IamRole role = account(m.account()).role(m.role());
                if (role == null) {
                    return Outcome.fail(new Text("Role " + m.role() + " does not exist.", "역할 " + m.role() + "이(가) 존재하지 않습니다."));
                }
                int max = role.maxSessionDurationSeconds();
                if (m.atLeast() != null && max < m.atLeast()) {
                    return Outcome.fail(new Text("Sessions of role " + m.role() + " last at most " + hours(max)
                            + " (MaxSessionDuration " + max + "); the job needs at least " + hours(m.atLeast()) + ".",
                            "역할 " + m.role() + "의 세션은 최대 " + hoursKo(max) + "까지만 유지됩니다(MaxSessionDuration "
                                    + max + "). 작업에는 최소 " + hoursKo(m.atLeast()) + "이 필요합니다."));
                }
                if (m.atMost() != null && max > m.atMost()) {
                    return Outcome.fail(new Text("Sessions of role " + m.role() + " may last " + hours(max)
                            + " (MaxSessionDuration " + max + "), longer than the " + hours(m.atMost()) + " allowed.",
                            "역할 " + m.role() + "의 세션이 " + hoursKo(max) + "까지 유지될 수 있어(MaxSessionDuration "
                                    + max + ") 허용된 " + hoursKo(m.atMost()) + "보다 깁니다."));
                }
                return Outcome.PASS;
            }
            if (check instanceof Check.PasswordPolicy pp) {
                return passwordPolicy(pp);
            }
            if (check instanceof Check.NoEscalationPath n) {
                return noEscalation(n);
            }
            if (check instanceof Check.NoPublicAccess n) {
                return noPublicAccess(n);
            }
            if (check instanceof Check.CallFailed f) {
                boolean seen = attempt.calls().stream().anyMatch(c -> f.errorCode().equals(c.errorCode())
                        && (f.operation() == null || f.operation().equals(c.operation())));
                return seen ? Outcome.PASS : Outcome.fail(new Text("No call has failed with " + f.errorCode() + " yet.",
                        "아직 " + f.errorCode() + " 오류로 실패한 호출이 없습니다."));
            }
            throw new IllegalArgumentException("Unknown check " + check);
        }

        /** The bucket policy or trust policy grants no public access, decided by CheckNoPublicAccess's reasoning. */
        Outcome noPublicAccess(Check.NoPublicAccess n) {
            String document;
            String id;
            NoNewAccessCheck.PublicResourceType type;
            if (n.bucket() != null) {
                S3State.Bucket b = S3Operations.state(sandbox).bucket(n.bucket());
                if (b == null) {
                    return Outcome.fail(new Text("Bucket " + n.bucket() + " does not exist.",
                            "버킷 " + n.bucket() + "이(가) 존재하지 않습니다."));
                }
                if (b.policy() == null) {
                    return Outcome.PASS; // no bucket policy grants nothing to anyone
                }
                document = b.policy();
                id = "the bucket policy of " + n.bucket();
                type = NoNewAccessCheck.PublicResourceType.S3_BUCKET;
            } else {
                IamRole role = account(n.account()).role(n.role());
                if (role == null) {
                    return Outcome.fail(new Text("Role " + n.role() + " does not exist.", "역할 " + n.role() + "이(가) 존재하지 않습니다."));
                }
                document = role.trustPolicy();
                id = "the trust policy of role " + n.role();
                type = NoNewAccessCheck.PublicResourceType.ASSUME_ROLE_POLICY;
            }
            String idKo = n.bucket() != null ? "버킷 " + n.bucket() + "의 버킷 정책" : "역할 " + n.role() + "의 신뢰 정책";
            NoNewAccessCheck.Verdict v;
            try {
                v = new NoNewAccessCheck().noPublicAccess(CompiledPolicy.parse(document, id), type);
            } catch (PolicyParseException e) {
                return Outcome.fail(Text.both(e.getMessage()));
            }
            if (v.result() == NoNewAccessCheck.Result.PASS) {
                return Outcome.PASS;
            }
            if (v.result() == NoNewAccessCheck.Result.UNKNOWN) {
                return Outcome.fail(new Text("Not proved: " + v.message() + " An unproved check does not pass.",
                        "증명되지 않음: " + idKo + "이(가) 공개 접근을 허용하지 않는다는 것을 증명하지 못했습니다. 증명되지 않은 검사는 "
                                + "통과하지 못합니다. (" + v.message() + ")"));
            }
            AuthorizationRequest c = v.counterexample();
            String who = "anonymous".equals(c.principal()) ? "an anonymous caller" : c.principal() + " (an account it never names)";
            String whoKo = "anonymous".equals(c.principal()) ? "익명 호출자" : "정책이 지정하지 않은 계정의 " + c.principal();
            // The reasoner works in lower case and with the shortest resource that the policy matches.
            String action = catalog.matching(c.action()).stream().map(ActionInfo::fullName)
                    .filter(a -> a.equalsIgnoreCase(c.action())).findFirst().orElse(c.action());
            boolean any = c.resource() == null || c.resource().isEmpty();
            String ctx = c.context().asMap().isEmpty() ? "" : " with " + c.context().asMap();
            String where = (any ? "any resource" : c.resource()) + ctx;
            String whereKo = (any ? "모든 리소스" : c.resource()) + ctx;
            String sid = v.statementId() == null ? "" : " " + v.statementId();
            return Outcome.fail(new Text(Character.toUpperCase(id.charAt(0)) + id.substring(1) + " grants public access: " + who + " is allowed " + action
                    + " on " + where + " (statement " + (v.statementIndex() + 1) + sid + "). Name the principals that need "
                    + "access instead of \"*\", or add a condition that limits the callers to known accounts.",
                    idKo + "이(가) 공개 접근을 허용합니다: " + whoKo + "에게 " + whereKo + "에 대한 " + action + "이(가) 허용됩니다("
                            + (v.statementIndex() + 1) + "번 문" + sid + "). \"*\" 대신 접근이 필요한 보안 주체를 지정하거나, "
                            + "호출자를 알려진 계정으로 제한하는 조건을 추가하세요."));
        }

        /** No escalation path from the principal in the access map of all the sandbox's accounts. */
        Outcome noEscalation(Check.NoEscalationPath n) {
            Caller caller = caller(n.principal(), n.account(), new HashMap<>());
            if (caller == null) {
                return Outcome.fail(new Text("There is no " + n.principal() + ".", n.principal() + "이(가) 없습니다."));
            }
            String arn = caller.issuerArn() != null ? caller.issuerArn() : caller.arn();
            AccessMap map = new AccessMapper(attempt.evaluator()).map(sandbox,
                    sandbox.accounts().stream().map(SandboxAccount::accountId).toList(), true, true);
            if (map.admins().contains(arn)) {
                return Outcome.fail(new Text("The access map counts " + n.principal() + " as an administrator (every"
                        + " representative action allowed): nothing is left to escalate to, and it is far more than"
                        + " the task needs.", "액세스 맵에서 " + n.principal() + "은(는) 이미 모든 대표 작업이 허용된 관리자입니다."
                        + " 더 상승할 권한이 없을 뿐, 작업에 필요한 것보다 훨씬 많은 권한입니다."));
            }
            List<EscalationPath> paths = map.pathsFrom(arn);
            if (paths.isEmpty()) {
                return Outcome.PASS;
            }
            EscalationPath p = paths.get(0);
            EscalationPath.Fix f = p.fix();
            return Outcome.fail(new Text("The access map still finds " + paths.size() + " escalation path(s) from "
                    + n.principal() + "; the first: " + p.technique().name() + " on " + p.target() + ", because "
                    + f.policyId() + " allows " + f.action() + " on " + f.resource() + " (" + p.technique().reference()
                    + ").", "액세스 맵에 아직 " + n.principal() + "의 권한 상승 경로가 " + paths.size() + "개 있습니다. 첫 번째: "
                    + p.target() + "에 대한 " + p.technique().name() + ". " + f.policyId() + "이(가) " + f.resource()
                    + "에 대한 " + f.action() + "을(를) 허용하기 때문입니다(" + p.technique().reference() + ")."));
        }

        SandboxAccount account(String id) {
            SandboxAccount a = sandbox.account(id == null ? scenario.homeAccountId() : id);
            if (a == null) {
                throw new IllegalStateException("No account " + id + " in the sandbox");
            }
            return a;
        }

        /** The caller a principal string names, or null when it does not exist; labels its policies. */
        Caller caller(String principal, String accountId, Map<String, Text> labels) {
            SandboxAccount acct = account(accountId);
            String[] w = principal.trim().split("\\s+");
            if (w[0].equals("root")) {
                return new Caller(CallerType.ROOT, acct.accountId(), acct.rootArn(), acct.accountId(), null, null, false, null, null);
            }
            if (w[0].equals("anonymous")) {
                return new Caller(CallerType.ANONYMOUS, null, "anonymous", "anonymous", null, null, false, null, null);
            }
            if (w[0].equals("service")) {
                return new Caller(CallerType.AWS_SERVICE, null, w[1], w[1], null, null, false, null, null);
            }
            if (w[0].equals("user")) {
                IamUser u = acct.user(w[1]);
                if (u == null) {
                    return null;
                }
                for (String g : u.groups()) {
                    IamGroup group = acct.group(g);
                    if (group != null) {
                        for (String arn : group.attachedPolicyArns()) {
                            String name = arn.substring(arn.lastIndexOf('/') + 1);
                            labels.putIfAbsent(arn, new Text("the group policy " + name + " (group " + group.name() + ")",
                                    "그룹 " + group.name() + "의 정책 " + name));
                        }
                    }
                }
                labelBoundary(u.permissionsBoundaryArn(), labels);
                return new Caller(CallerType.IAM_USER, acct.accountId(), u.arn(), u.id(), u.name(), null, false, null, null);
            }
            IamRole role = acct.role(w[1]);
            if (role == null) {
                return null;
            }
            labelBoundary(role.permissionsBoundaryArn(), labels);
            TemporarySession session = new TemporarySession("ASIAGRADERPROBE00000", "", "",
                    sandbox.now().plusSeconds(3600), SessionKind.ASSUMED_ROLE, acct.accountId(), role.name(), role.arn(),
                    "dojo-grader", null, Map.of(), false, false, null);
            return new Caller(CallerType.ASSUMED_ROLE, acct.accountId(), session.principalArn(), role.id() + ":dojo-grader", null,
                    session.accessKeyId(), false, role.arn(), session);
        }

        void labelBoundary(String arn, Map<String, Text> labels) {
            if (arn != null) {
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                labels.put("boundary:" + arn, new Text("the permissions boundary " + name, "권한 경계 " + name));
            }
        }

        /** The engine request for a caller and an access, with the resource's own policy (bucket policy, trust policy). */
        AuthorizationRequest request(Caller caller, Check.Access access) {
            String resource = access.resource() == null ? "*" : access.resource();
            String resourcePolicy = null;
            String resourceAccount = null;
            if (resource.startsWith("arn:aws:s3:::")) {
                S3State.Bucket b = S3Operations.state(sandbox).bucket(resource.substring(13).split("/")[0]);
                if (b != null) {
                    resourcePolicy = b.policy();
                    resourceAccount = b.ownerAccountId();
                }
            } else if (resource.startsWith("arn:aws:kms:")) {
                // A check may name a key by its alias ARN (key ids are generated); KMS authorizes the key's ARN.
                KmsState.Key key = KmsOperations.keyForArn(sandbox, resource);
                if (key != null) {
                    resource = key.arn();
                    resourcePolicy = key.policy();
                }
                resourceAccount = resource.split(":")[4];
            } else if (TRUST_POLICY_ACTIONS.contains(access.action().toLowerCase(Locale.ROOT)) && resource.contains(":role/")) {
                IamRole role = StsOperations.findRole(sandbox, resource);
                resourcePolicy = role == null ? null : role.trustPolicy();
                resourceAccount = resource.split(":")[4];
            } else {
                String[] parts = resource.split(":");
                resourceAccount = parts.length > 4 && !parts[4].isEmpty() ? parts[4] : caller.accountId();
            }
            return attempt.evaluator().request(sandbox, caller, new AccessRequest(access.action(),
                    "*".equals(resource) ? null : resource, resourceAccount, resourcePolicy, access.context()));
        }

        Outcome access(String principal, String accountId, Check.Access access, boolean wantAllowed) {
            Map<String, Text> labels = new HashMap<>();
            Caller caller = caller(principal, accountId, labels);
            if (caller == null) {
                return Outcome.fail(new Text(capitalized(principal) + " does not exist.", principal + "이(가) 존재하지 않습니다."));
            }
            AuthorizationRequest req = request(caller, access);
            Decision d = authorizer.authorize(req);
            if (d.allowed() == wantAllowed) {
                return Outcome.PASS;
            }
            return Outcome.fail(explain(principal, access, req, d, labels));
        }

        Text explain(String who, Check.Access access, AuthorizationRequest req, Decision d, Map<String, Text> labels) {
            Map<String, CompiledPolicy> policies = new LinkedHashMap<>();
            req.identityPolicies().forEach(p -> policies.put(p.id(), p));
            if (req.permissionsBoundary() != null) {
                policies.put(req.permissionsBoundary().id(), req.permissionsBoundary());
                Text b = labels.get("boundary:" + req.permissionsBoundary().id());
                if (b != null) {
                    labels.put(req.permissionsBoundary().id(), b);
                }
            }
            if (req.resourcePolicy() != null) {
                policies.put(req.resourcePolicy().id(), req.resourcePolicy());
            }
            if (req.sessionPolicy() != null) {
                policies.put(req.sessionPolicy().id(), req.sessionPolicy());
            }
            return DecisionExplainer.explain(who, access.action(), access.resource(), d, policies, labels);
        }

        Outcome within(Check.PermissionsWithin w) {
            Caller caller = caller(w.principal(), w.account(), new HashMap<>());
            if (caller == null) {
                return Outcome.fail(new Text(capitalized(w.principal()) + " does not exist.", w.principal() + "이(가) 존재하지 않습니다."));
            }
            CompiledPolicy reference;
            try {
                reference = CompiledPolicy.parse(w.reference().toString(), "reference policy");
            } catch (PolicyParseException e) {
                throw new IllegalStateException("The scenario parser accepted an invalid reference policy", e);
            }
            AuthorizationRequest base = request(caller, new Check.Access("probe:Probe", "*", Map.of()));
            List<CompiledPolicy> granted = new ArrayList<>(base.identityPolicies());
            granted.addAll(resourceGrants(caller));
            Set<String> scope = new HashSet<>();
            if (w.services() != null) {
                w.services().forEach(x -> scope.add(x.toLowerCase(Locale.ROOT)));
            }
            Function<ReferenceBoundCheck.Probe, AuthorizationRequest> replay = probe -> request(caller,
                    new Check.Access(probe.action(), probe.resource() == null ? "*" : probe.resource(), probe.context()));
            ReferenceBoundCheck.Verdict v = bound.check(List.of(reference), granted, base.permissionsBoundary(), scope,
                    replay);
            if (v.result() == NoNewAccessCheck.Result.PASS) {
                return Outcome.PASS;
            }
            if (v.result() == NoNewAccessCheck.Result.UNKNOWN) {
                return new Outcome(false, 0, new Text("Not proved: " + v.message() + " An unproved check does not pass "
                        + "and earns 0 points; write the policy with the statements and conditions the task needs.",
                        "증명되지 않음: 허용 범위를 참조 정책 안으로 증명하지 못했고 반례도 찾지 못했습니다. 증명되지 않은 검사는 "
                                + "통과하지 못하며 0점입니다. 작업에 필요한 문과 조건만으로 정책을 쓰세요. (" + v.message() + ")"),
                        List.of(), new GradeReport.Proof("UNKNOWN", null, null, null, Map.of()));
            }
            AuthorizationRequest c = v.counterexample();
            String resource = c.resource() == null ? "*" : c.resource();
            // The keys beyond the ones the sandbox sets on every request of this principal.
            Map<String, List<String>> plain = request(caller, new Check.Access(c.action(), resource, Map.of()))
                    .context().asMap();
            Map<String, List<String>> extra = new LinkedHashMap<>();
            c.context().asMap().forEach((k, val) -> {
                // The clock keys differ between any two requests; they are not what makes this one get through.
                if (!val.equals(plain.get(k)) && !k.equals("aws:CurrentTime") && !k.equals("aws:EpochTime")) {
                    extra.put(k, val);
                }
            });
            String where = v.policyId() == null ? "" : " (statement " + (v.statementIndex() + 1)
                    + (v.statementId() == null ? "" : " " + v.statementId()) + " of " + v.policyId() + ")";
            String whereKo = v.policyId() == null ? "" : " (" + v.policyId() + "의 " + (v.statementIndex() + 1) + "번 문"
                    + (v.statementId() == null ? "" : " " + v.statementId()) + ")";
            Text why = new Text(w.principal() + " is allowed " + c.action() + " on " + resource
                    + (extra.isEmpty() ? "" : " with " + extra) + where + ", which the reference policy of this task "
                    + "does not allow. Narrow the policy so that this request is denied.",
                    w.principal() + "에게 이 작업의 참조 정책이 허용하지 않는 요청이 허용되어 있습니다: 작업 " + c.action()
                            + ", 리소스 " + resource + (extra.isEmpty() ? "" : ", 컨텍스트 " + extra) + whereKo
                            + ". 이 요청이 거부되도록 정책을 좁히세요.");
            return new Outcome(false, 0, why, List.of(c.action()),
                    new GradeReport.Proof("FAIL", c.principal(), c.action(), resource, Map.copyOf(extra),
                            FixCalls.of(fixer.suggest(List.of(reference), granted, base.permissionsBoundary(), scope,
                                    replay, v, FixCalls::editable))));
        }

        /**
         * The Allow statements of bucket policies that name the caller (its ARN, its account or anyone), as
         * policies of their own: within one account either side allowing is enough
         * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
         */
        private List<CompiledPolicy> resourceGrants(Caller caller) {
            List<CompiledPolicy> out = new ArrayList<>();
            for (S3State.Bucket b : S3Operations.state(sandbox).buckets()) {
                if (b.policy() == null) {
                    continue;
                }
                try {
                    CompiledPolicy p = CompiledPolicy.parse(b.policy(), "bucket policy of " + b.name());
                    List<Statement> named = p.document().statements().stream().filter(st -> st.effect() == Effect.ALLOW
                            && st.principal() != null && (st.principal().wildcard()
                            || st.principal().valuesOf(PrincipalBlock.AWS).stream().anyMatch(a -> a.equals("*")
                            || a.equals(caller.arn()) || a.equals(caller.accountId())
                            || a.equals("arn:aws:iam::" + caller.accountId() + ":root")))).toList();
                    if (!named.isEmpty()) {
                        out.add(CompiledPolicy.compile(new PolicyDocument(p.document().version(), null, named, true,
                                null), p.id()));
                    }
                } catch (PolicyParseException e) {
                    // a bucket policy the sandbox accepted always parses; nothing to add otherwise
                }
            }
            return out;
        }

        int pointsOf(Check c) {
            return c.points();
        }

        Outcome entity(Check.Entity e) {
            SandboxAccount acct = account(e.account());
            boolean exists = switch (e.entity()) {
                case "user" -> acct.user(e.name()) != null;
                case "group" -> acct.group(e.name()) != null;
                case "role" -> acct.role(e.name()) != null;
                case "instanceProfile" -> acct.instanceProfile(e.name()) != null;
                case "policy" -> acct.customerPolicies().stream().anyMatch(p -> p.name().equals(e.name()));
                case "bucket" -> S3Operations.state(sandbox).bucket(e.name()) != null;
                default -> false;
            };
            boolean want = e.present() == null || e.present();
            if (exists == want) {
                return Outcome.PASS;
            }
            return Outcome.fail(want
                    ? new Text("There is no " + e.entity() + " named " + e.name() + ".", e.entity() + " " + e.name() + "이(가) 없습니다.")
                    : new Text(e.entity() + " " + e.name() + " still exists.", e.entity() + " " + e.name() + "이(가) 아직 남아 있습니다."));
        }

        Outcome credentials(Check.UserCredentials c) {
            IamUser u = account(c.account()).user(c.user());
            if (u == null) {
                return Outcome.fail(new Text("User " + c.user() + " does not exist.", "사용자 " + c.user() + "이(가) 존재하지 않습니다."));
            }
            List<Text> problems = new ArrayList<>();
            if (c.console() != null && c.console() != (u.loginProfile() != null)) {
                problems.add(c.console() ? new Text(c.user() + " has no console password", c.user() + "에게 콘솔 암호가 없습니다")
                        : new Text(c.user() + " still has a console password", c.user() + "에게 아직 콘솔 암호가 있습니다"));
            }
            long active = u.accessKeys().stream().filter(AccessKey::active).count();
            if (c.activeKeys() != null && active != c.activeKeys()) {
                problems.add(new Text(c.user() + " has " + active + " active access key(s), expected " + c.activeKeys(),
                        c.user() + "의 활성 액세스 키가 " + active + "개입니다(기대값 " + c.activeKeys() + "개)"));
            }
            if (c.mfa() != null && c.mfa() != (u.mfaDevice() != null)) {
                problems.add(c.mfa() ? new Text(c.user() + " has no MFA device", c.user() + "에게 MFA 디바이스가 없습니다")
                        : new Text(c.user() + " has an MFA device it does not need", c.user() + "에게 필요 없는 MFA 디바이스가 있습니다"));
            }
            if (Boolean.TRUE.equals(c.noInactiveKeys()) && u.accessKeys().stream().anyMatch(k -> !k.active())) {
                problems.add(new Text(c.user() + " still has an inactive access key; delete it",
                        c.user() + "에게 비활성 액세스 키가 남아 있습니다. 삭제하세요"));
            }
            return problems.isEmpty() ? Outcome.PASS : Outcome.fail(join(problems));
        }

        Outcome passwordPolicy(Check.PasswordPolicy want) {
            PasswordPolicy have = account(want.account()).passwordPolicy();
            if (have == null) {
                return Outcome.fail(new Text("The account has no password policy: IAM users' passwords follow AWS's default rules.",
                        "계정에 암호 정책이 없어서 IAM 사용자의 암호에 AWS 기본 규칙만 적용됩니다."));
            }
            List<Text> problems = new ArrayList<>();
            if (want.minimumPasswordLength() != null && have.minimumPasswordLength() < want.minimumPasswordLength()) {
                problems.add(new Text("the minimum length is " + have.minimumPasswordLength() + ", not at least "
                        + want.minimumPasswordLength(), "최소 길이가 " + have.minimumPasswordLength() + "자로, "
                        + want.minimumPasswordLength() + "자 이상이 아닙니다"));
            }
            required(problems, want.requireSymbols(), have.requireSymbols(), "a symbol", "기호");
            required(problems, want.requireNumbers(), have.requireNumbers(), "a number", "숫자");
            required(problems, want.requireUppercaseCharacters(), have.requireUppercaseCharacters(), "an uppercase letter", "대문자");
            required(problems, want.requireLowercaseCharacters(), have.requireLowercaseCharacters(), "a lowercase letter", "소문자");
            if (want.maxPasswordAge() != null && (have.maxPasswordAge() == null || have.maxPasswordAge() > want.maxPasswordAge())) {
                problems.add(have.maxPasswordAge() == null
                        ? new Text("passwords never expire (no MaxPasswordAge)", "암호가 만료되지 않습니다(MaxPasswordAge 없음)")
                        : new Text("passwords expire after " + have.maxPasswordAge() + " days, not within " + want.maxPasswordAge(),
                        "암호가 " + have.maxPasswordAge() + "일 뒤에 만료되어 " + want.maxPasswordAge() + "일 이내가 아닙니다"));
            }
            if (want.passwordReusePrevention() != null && (have.passwordReusePrevention() == null
                    || have.passwordReusePrevention() < want.passwordReusePrevention())) {
                int n = have.passwordReusePrevention() == null ? 0 : have.passwordReusePrevention();
                problems.add(new Text(n == 0 ? "old passwords may be reused" : "only the last " + n + " passwords are remembered, not "
                        + want.passwordReusePrevention(), n == 0 ? "이전 암호를 다시 쓸 수 있습니다"
                        : "최근 암호를 " + n + "개만 기억해 " + want.passwordReusePrevention() + "개에 못 미칩니다"));
            }
            return problems.isEmpty() ? Outcome.PASS : Outcome.fail(new Text("The password policy is too weak: ",
                    "암호 정책이 충분히 엄격하지 않습니다: ").then(join(problems)));
        }

        private void required(List<Text> problems, Boolean want, boolean have, String en, String ko) {
            if (Boolean.TRUE.equals(want) && !have) {
                problems.add(new Text("passwords need not contain " + en, "암호에 " + ko + "가 없어도 됩니다"));
            }
        }

        Outcome trust(Check.RoleTrust t) {
            SandboxAccount acct = account(t.account());
            IamRole role = acct.role(t.role());
            if (role == null) {
                return Outcome.fail(new Text("Role " + t.role() + " does not exist.", "역할 " + t.role() + "이(가) 존재하지 않습니다."));
            }
            CompiledPolicy trust;
            try {
                trust = CompiledPolicy.parse(role.trustPolicy(), "trust policy of " + role.arn());
            } catch (PolicyParseException e) {
                return Outcome.fail(Text.both(e.getMessage()));
            }
            Map<String, List<String>> full = new HashMap<>();
            if (t.externalId() != null) {
                full.put("sts:ExternalId", List.of(t.externalId()));
            }
            if (Boolean.TRUE.equals(t.requireMfa())) {
                full.put("aws:MultiFactorAuthPresent", List.of("true"));
            }
            List<String> listed = t.principals().stream().map(p -> p.matches("\\d{12}") ? "arn:aws:iam::" + p + ":root" : p).toList();
            List<Text> problems = new ArrayList<>();
            for (String listedPrincipal : listed) {
                // The root user cannot assume roles, so an account principal is tried through one of its users.
                String p = listedPrincipal.endsWith(":root") ? listedPrincipal.replace(":root", ":user/dojo-trust-probe")
                        : listedPrincipal;
                if (!assume(p, role, trust, full)) {
                    problems.add(new Text(capitalized(p) + " cannot assume the role", p + "이(가) 역할을 맡을 수 없습니다"));
                    continue;
                }
                if (t.externalId() != null) {
                    Map<String, List<String>> noId = new HashMap<>(full);
                    noId.remove("sts:ExternalId");
                    if (assume(p, role, trust, noId)) {
                        problems.add(new Text(p + " can assume the role without the external id",
                                p + "이(가) 외부 ID 없이도 역할을 맡을 수 있습니다"));
                    }
                }
                if (Boolean.TRUE.equals(t.requireMfa())) {
                    Map<String, List<String>> noMfa = new HashMap<>(full);
                    noMfa.put("aws:MultiFactorAuthPresent", List.of("false"));
                    if (assume(p, role, trust, noMfa)) {
                        problems.add(new Text(capitalized(p) + " can assume the role without MFA", p + "이(가) MFA 없이도 역할을 맡을 수 있습니다"));
                    }
                }
            }
            List<String> probes = new ArrayList<>(List.of("arn:aws:iam::" + STRANGER_ACCOUNT + ":user/someone"));
            for (SandboxAccount a : sandbox.accounts()) {
                probes.add("arn:aws:iam::" + a.accountId() + ":user/dojo-trust-probe");
                a.users().forEach(u -> probes.add(u.arn()));
                a.roles().forEach(r -> probes.add(r.arn()));
            }
            for (String probe : probes) {
                String probeAccount = probe.split(":")[4];
                boolean covered = listed.stream().anyMatch(p -> p.equals(probe)
                        || p.equals("arn:aws:iam::" + probeAccount + ":root"));
                if (!covered && assume(probe, role, trust, full)) {
                    problems.add(new Text(probe + " can assume the role but is not meant to",
                            probe + "은(는) 역할을 맡으면 안 되는데 맡을 수 있습니다"));
                }
            }
            return problems.isEmpty() ? Outcome.PASS : Outcome.fail(
                    new Text("The trust policy of " + role.name() + " is not right: ", "역할 " + role.name() + "의 신뢰 정책이 올바르지 않습니다: ")
                            .then(join(problems)));
        }

        boolean assume(String principal, IamRole role, CompiledPolicy trust, Map<String, List<String>> context) {
            AuthorizationRequest req = AuthorizationRequest.builder(principal, "sts:AssumeRole").resource(role.arn())
                    .resourceAccount(role.arn().split(":")[4]).context(RequestContext.of(context))
                    .identity(allowAssume).resourcePolicy(trust).build();
            return authorizer.authorize(req).allowed();
        }

        Outcome instanceRole(Check.InstanceRole r) {
            if (r.instance() == null) {
                List<Ec2State.Instance> running = Ec2Operations.state(sandbox).instances().stream()
                        .filter(i -> i.accountId().equals(scenario.homeAccountId()) && !"terminated".equals(i.state()))
                        .toList();
                if (running.isEmpty()) {
                    return Outcome.fail(new Text("No instance is running.", "실행 중인 인스턴스가 없습니다."));
                }
                for (Ec2State.Instance i : running) {
                    Outcome o = instanceRole(r, i.instanceId(), i.instanceId());
                    if (!o.passed) {
                        return o;
                    }
                }
                return Outcome.PASS;
            }
            return instanceRole(r, attempt.instanceId(r.instance()), r.instance());
        }

        Outcome instanceRole(Check.InstanceRole r, String id, String name) {
            Ec2State.Instance instance = id == null ? null : Ec2Operations.state(sandbox).instance(id);
            if (instance == null) {
                return Outcome.fail(new Text("Instance " + name + " does not exist.", "인스턴스 " + name + "이(가) 없습니다."));
            }
            if (instance.instanceProfileArn() == null) {
                return Outcome.fail(new Text("Instance " + name + " (" + id + ") has no instance profile.",
                        "인스턴스 " + name + "(" + id + ")에 인스턴스 프로파일이 없습니다."));
            }
            SandboxAccount acct = sandbox.account(instance.accountId());
            InstanceProfile profile = acct.instanceProfiles().stream()
                    .filter(p -> p.arn().equals(instance.instanceProfileArn())).findFirst().orElse(null);
            if (profile == null || profile.roleName() == null) {
                return Outcome.fail(new Text("The instance profile of " + name + " has no role.",
                        name + "의 인스턴스 프로파일에 역할이 없습니다."));
            }
            String principal = "role " + profile.roleName();
            for (Check.Access a : r.allowed() == null ? List.<Check.Access>of() : r.allowed()) {
                Outcome o = access(principal, acct.accountId(), a, true);
                if (!o.passed) {
                    return o;
                }
            }
            for (Check.Access a : r.denied() == null ? List.<Check.Access>of() : r.denied()) {
                Outcome o = access(principal, acct.accountId(), a, false);
                if (!o.passed) {
                    return o;
                }
            }
            return Outcome.PASS;
        }

        Outcome trail(Check.Trail t) {
            Integer from = t.fromStep() == null ? Integer.valueOf(0) : attempt.stepStart(t.fromStep());
            List<TrailEvent> window = sandbox.trail().since(from == null ? 0 : from);
            List<TrailEvent> matching = new ArrayList<>();
            for (TrailEvent e : window) {
                if ((t.account() == null || t.account().equals(e.recipientAccountId()))
                        && (t.eventName() == null || t.eventName().equals(e.eventName()))
                        && (t.eventSource() == null || t.eventSource().equals(e.eventSource()))
                        && (t.identityType() == null || t.identityType().equals(e.userIdentityType()))
                        && (t.principal() == null || (e.principalArn() != null && e.principalArn().contains(t.principal())))
                        && (t.succeeded() == null || t.succeeded() == e.succeeded())
                        && (t.errorCode() == null || t.errorCode().equals(e.errorCode()))) {
                    matching.add(e);
                }
            }
            boolean want = t.present() == null || t.present();
            if (matching.isEmpty() != want) {
                return Outcome.PASS;
            }
            if (want) {
                return Outcome.fail(new Text("CloudTrail shows no such event yet.", "CloudTrail에 해당 이벤트가 아직 없습니다."));
            }
            TrailEvent e = matching.get(0);
            Instant at = e.eventTime();
            return Outcome.fail(new Text("CloudTrail shows " + e.eventName() + " by " + e.principalArn() + " at " + at
                    + (matching.size() > 1 ? " (and " + (matching.size() - 1) + " more)" : "") + ".",
                    "CloudTrail에 " + at + "에 " + e.principalArn() + "이(가) 호출한 " + e.eventName() + " 이벤트가 있습니다"
                            + (matching.size() > 1 ? "(외 " + (matching.size() - 1) + "건)" : "") + "."));
        }
    }

    private static String hours(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + (seconds == 3600 ? " hour" : " hours") : seconds / 60 + " minutes";
    }

    private static String hoursKo(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "시간" : seconds / 60 + "분";
    }

    private static Text join(List<Text> parts) {
        StringBuilder en = new StringBuilder();
        StringBuilder ko = new StringBuilder();
        for (Text t : parts) {
            en.append(en.isEmpty() ? "" : "; ").append(t.en());
            ko.append(ko.isEmpty() ? "" : "; ").append(t.ko());
        }
        return new Text(en + ".", ko + ".");
    }

    /** The result of evaluating one check before points are applied. */
    private record Outcome(boolean passed, int partial, Text explanation, List<String> excess, GradeReport.Proof proof) {
        static final Outcome PASS = new Outcome(true, 0, null, List.of(), null);

        Outcome(boolean passed, int partial, Text explanation, List<String> excess) {
            this(passed, partial, explanation, excess, null);
        }

        Outcome {
            if (explanation != null) {
                explanation = new Text(capitalized(explanation.en()), explanation.ko());
            }
        }

        static Outcome fail(Text why) {
            return new Outcome(false, 0, why, List.of());
        }
    }

    // "an access key id (AccessKeyId)", not "a AccessKeyId".
    private static String credentialName(String kind) {
        return switch (kind) {
            case "AccessKeyId" -> "an access key id (AccessKeyId)";
            case "TemporaryAccessKeyId" -> "a temporary access key id (ASIA…)";
            case "SecretAccessKey" -> "a secret access key (SecretAccessKey)";
            case "SessionToken" -> "a session token (SessionToken)";
            default -> kind;
        };
    }

    private static final Pattern ENTITY_WORD =
            Pattern.compile("^(user|role|group|bucket|policy|instance|instanceProfile|root)\\b.*", Pattern.DOTALL);

    // A sentence starts with a capital: "User admin does not exist", not "user admin ...". IAM names stay as
    // written (they are case-sensitive), so only a leading entity word is capitalized.
    private static String capitalized(String s) {
        return ENTITY_WORD.matcher(s).matches() ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }
}
