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
import org.iamdojo.i18n.Localized;
import org.iamdojo.i18n.Message;
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
    static final Message WITHHELD = Message.of("grader.withheld");

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

        /** The sandbox's mutation count when this pass ran (the pass holds its lock). */
        private final long gradedMutations;

        Run(Attempt attempt) {
            this.attempt = attempt;
            this.sandbox = attempt.sandbox();
            this.scenario = attempt.scenario();
            this.gradedMutations = sandbox.mutations();
        }

        GradeReport.CheckResult check(Check check) {
            Outcome o = evaluate(check);
            Localized why = o.explanation;
            if (!o.passed && check.failure() != null) {
                why = why == null ? check.failure() : Message.of("grader.failure-and-why", check.failure(), why);
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
                return in == want ? Outcome.PASS : Outcome.fail(Message.of(want ? "grader.membership.missing"
                        : "grader.membership.still", m.user(), m.group()));
            }
            if (check instanceof Check.NoUserPolicies n) {
                List<String> offenders = new ArrayList<>();
                for (IamUser u : account(n.account()).users()) {
                    if ((n.users() == null || n.users().stream().anyMatch(u.name()::equalsIgnoreCase))
                            && (!u.inlinePolicies().isEmpty() || !u.attachedPolicyArns().isEmpty())) {
                        offenders.add(u.name());
                    }
                }
                return offenders.isEmpty() ? Outcome.PASS
                        : Outcome.fail(Message.of("grader.user-policies", offenders.toString()));
            }
            if (check instanceof Check.RootSecured r) {
                SandboxAccount acct = account(r.account());
                List<Message> problems = new ArrayList<>();
                if (!Boolean.FALSE.equals(r.mfa()) && acct.root().mfaDevice() == null) {
                    problems.add(Message.of("grader.root.no-mfa"));
                }
                if (!Boolean.FALSE.equals(r.noAccessKeys()) && !acct.root().accessKeys().isEmpty()) {
                    problems.add(Message.of("grader.root.access-keys", String.valueOf(acct.root().accessKeys().size())));
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
                return both.isEmpty() ? Outcome.PASS : Outcome.fail(Message.of("grader.console-and-keys", both.toString()));
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
                return Outcome.fail(Message.of("grader.user-data", f.instanceId(), credentialName(f.kind()),
                        String.valueOf(f.line())));
            }
            if (check instanceof Check.Trail t) {
                return trail(t);
            }
            if (check instanceof Check.MaxSessionDuration m) {
                IamRole role = account(m.account()).role(m.role());
                if (role == null) {
                    return Outcome.fail(Message.of("grader.role.missing", m.role()));
                }
                int max = role.maxSessionDurationSeconds();
                if (m.atLeast() != null && max < m.atLeast()) {
                    return Outcome.fail(Message.of("grader.session.too-short", m.role(), duration(max),
                            String.valueOf(max), duration(m.atLeast())));
                }
                if (m.atMost() != null && max > m.atMost()) {
                    return Outcome.fail(Message.of("grader.session.too-long", m.role(), duration(max),
                            String.valueOf(max), duration(m.atMost())));
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
                return seen ? Outcome.PASS : Outcome.fail(Message.of("grader.call-failed.none", f.errorCode()));
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
                    return Outcome.fail(Message.of("grader.public.no-bucket", n.bucket()));
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
                    return Outcome.fail(Message.of("grader.public.no-role", n.role()));
                }
                document = role.trustPolicy();
                id = "the trust policy of role " + n.role();
                type = NoNewAccessCheck.PublicResourceType.ASSUME_ROLE_POLICY;
            }
            String kind = n.bucket() != null ? "bucket" : "role";
            String name = n.bucket() != null ? n.bucket() : n.role();
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
                return Outcome.fail(Message.of("grader.public.unknown." + kind, name, v.message()));
            }
            AuthorizationRequest c = v.counterexample();
            Message who = "anonymous".equals(c.principal()) ? Message.of("grader.public.anonymous")
                    : Message.of("grader.public.other-account", c.principal());
            // The reasoner works in lower case and with the shortest resource that the policy matches.
            String action = catalog.matching(c.action()).stream().map(ActionInfo::fullName)
                    .filter(a -> a.equalsIgnoreCase(c.action())).findFirst().orElse(c.action());
            boolean any = c.resource() == null || c.resource().isEmpty();
            Localized resource = any ? Message.of("grader.public.any-resource") : Message.of("grader.public.resource", c.resource());
            Localized where = c.context().asMap().isEmpty() ? resource
                    : Message.of("grader.public.with-context", resource, c.context().asMap().toString());
            String statement = (v.statementIndex() + 1) + (v.statementId() == null ? "" : " " + v.statementId());
            return Outcome.fail(Message.of("grader.public.fail." + kind, name, who, action, where, statement));
        }

        /** No escalation path from the principal in the access map of all the sandbox's accounts. */
        Outcome noEscalation(Check.NoEscalationPath n) {
            Caller caller = caller(n.principal(), n.account(), new HashMap<>());
            if (caller == null) {
                return Outcome.fail(Message.of("grader.principal.none", principal(n.principal(), false)));
            }
            String arn = caller.issuerArn() != null ? caller.issuerArn() : caller.arn();
            AccessMap map = new AccessMapper(attempt.evaluator()).map(sandbox,
                    sandbox.accounts().stream().map(SandboxAccount::accountId).toList(), true, true);
            if (map.admins().contains(arn)) {
                return Outcome.fail(Message.of("grader.escalation.admin", principal(n.principal(), false)));
            }
            List<EscalationPath> paths = map.pathsFrom(arn);
            if (paths.isEmpty()) {
                return Outcome.PASS;
            }
            EscalationPath p = paths.get(0);
            EscalationPath.Fix f = p.fix();
            return Outcome.fail(Message.of("grader.escalation.paths", String.valueOf(paths.size()),
                    principal(n.principal(), false), p.technique().name(), p.target(), f.policyId(), f.action(),
                    f.resource(), p.technique().reference()));
        }

        SandboxAccount account(String id) {
            SandboxAccount a = sandbox.account(id == null ? scenario.homeAccountId() : id);
            if (a == null) {
                throw new IllegalStateException("No account " + id + " in the sandbox");
            }
            return a;
        }

        /** The caller a principal string names, or null when it does not exist; labels its policies. */
        Caller caller(String principal, String accountId, Map<String, Message> labels) {
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
                            labels.putIfAbsent(arn, Message.of("grader.label.group-policy", name, group.name()));
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

        void labelBoundary(String arn, Map<String, Message> labels) {
            if (arn != null) {
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                labels.put("boundary:" + arn, Message.of("grader.label.boundary", name));
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
            Map<String, Message> labels = new HashMap<>();
            Caller caller = caller(principal, accountId, labels);
            if (caller == null) {
                return Outcome.fail(Message.of("grader.principal.missing", principal(principal, true)));
            }
            AuthorizationRequest req = request(caller, access);
            Decision d = authorizer.authorize(req);
            if (d.allowed() == wantAllowed) {
                return Outcome.PASS;
            }
            return Outcome.fail(explain(principal, access, req, d, labels));
        }

        Message explain(String who, Check.Access access, AuthorizationRequest req, Decision d, Map<String, Message> labels) {
            Map<String, CompiledPolicy> policies = new LinkedHashMap<>();
            req.identityPolicies().forEach(p -> policies.put(p.id(), p));
            if (req.permissionsBoundary() != null) {
                policies.put(req.permissionsBoundary().id(), req.permissionsBoundary());
                Message b = labels.get("boundary:" + req.permissionsBoundary().id());
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
            return DecisionExplainer.explain(principal(who, true), access.action(), access.resource(), d, policies, labels);
        }

        Outcome within(Check.PermissionsWithin w) {
            Caller caller = caller(w.principal(), w.account(), new HashMap<>());
            if (caller == null) {
                return Outcome.fail(Message.of("grader.principal.missing", principal(w.principal(), true)));
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
                return new Outcome(false, 0, Message.of("grader.within.unproved", v.message()),
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
            Object where = v.policyId() == null ? "" : Message.of("grader.within.where", String.valueOf(v.statementIndex() + 1),
                    v.statementId() == null ? "" : " " + v.statementId(), v.policyId());
            Object with = extra.isEmpty() ? "" : Message.of("grader.within.context", extra.toString());
            Message why = Message.of("grader.within.beyond", principal(w.principal(), true), c.action(), resource, with,
                    where);
            PendingFix fix = new PendingFix(() -> fix(List.of(reference), granted, base.permissionsBoundary(), scope,
                    replay, v));
            return new Outcome(false, 0, why, List.of(c.action()),
                    new GradeReport.Proof("FAIL", c.principal(), c.action(), resource, Map.copyOf(extra), fix));
        }

        /**
         * The smallest fix, worked out when the learner asks for it: on the sandbox as it was graded (its lock held,
         * since replaying probes reads it), or none when it has changed since, because a fix of the graded
         * policies would overwrite what the learner did in between.
         */
        private GradeReport.Fix fix(List<CompiledPolicy> reference, List<CompiledPolicy> granted,
                CompiledPolicy boundary, Set<String> scope, Function<ReferenceBoundCheck.Probe, AuthorizationRequest> replay,
                ReferenceBoundCheck.Verdict failed) {
            long graded = gradedMutations;
            sandbox.lock().lock();
            try {
                if (sandbox.mutations() != graded) {
                    return new GradeReport.Fix(List.of(), List.of(), Message.of("fix.stale"));
                }
                return FixCalls.of(fixer.suggest(reference, granted, boundary, scope, replay, failed,
                        FixCalls::editable));
            } finally {
                sandbox.lock().unlock();
            }
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
            String kind = ENTITIES.contains(e.entity()) ? e.entity() : "other";
            return Outcome.fail(Message.of("grader.entity." + kind + (want ? ".missing" : ".present"), e.name(), e.entity()));
        }

        Outcome credentials(Check.UserCredentials c) {
            IamUser u = account(c.account()).user(c.user());
            if (u == null) {
                return Outcome.fail(Message.of("grader.user.missing", c.user()));
            }
            List<Message> problems = new ArrayList<>();
            if (c.console() != null && c.console() != (u.loginProfile() != null)) {
                problems.add(Message.of(c.console() ? "grader.user.no-console" : "grader.user.console", c.user()));
            }
            long active = u.accessKeys().stream().filter(AccessKey::active).count();
            if (c.activeKeys() != null && active != c.activeKeys()) {
                problems.add(Message.of("grader.user.active-keys", c.user(), String.valueOf(active),
                        String.valueOf(c.activeKeys())));
            }
            if (c.mfa() != null && c.mfa() != (u.mfaDevice() != null)) {
                problems.add(Message.of(c.mfa() ? "grader.user.no-mfa" : "grader.user.mfa", c.user()));
            }
            if (Boolean.TRUE.equals(c.noInactiveKeys()) && u.accessKeys().stream().anyMatch(k -> !k.active())) {
                problems.add(Message.of("grader.user.inactive-key", c.user()));
            }
            return problems.isEmpty() ? Outcome.PASS : Outcome.fail(join(problems));
        }

        Outcome passwordPolicy(Check.PasswordPolicy want) {
            PasswordPolicy have = account(want.account()).passwordPolicy();
            if (have == null) {
                return Outcome.fail(Message.of("grader.password.none"));
            }
            List<Message> problems = new ArrayList<>();
            if (want.minimumPasswordLength() != null && have.minimumPasswordLength() < want.minimumPasswordLength()) {
                problems.add(Message.of("grader.password.length", String.valueOf(have.minimumPasswordLength()),
                        String.valueOf(want.minimumPasswordLength())));
            }
            required(problems, want.requireSymbols(), have.requireSymbols(), "symbol");
            required(problems, want.requireNumbers(), have.requireNumbers(), "number");
            required(problems, want.requireUppercaseCharacters(), have.requireUppercaseCharacters(), "uppercase");
            required(problems, want.requireLowercaseCharacters(), have.requireLowercaseCharacters(), "lowercase");
            if (want.maxPasswordAge() != null && (have.maxPasswordAge() == null || have.maxPasswordAge() > want.maxPasswordAge())) {
                problems.add(have.maxPasswordAge() == null ? Message.of("grader.password.never-expire")
                        : Message.of("grader.password.expire", String.valueOf(have.maxPasswordAge()),
                        String.valueOf(want.maxPasswordAge())));
            }
            if (want.passwordReusePrevention() != null && (have.passwordReusePrevention() == null
                    || have.passwordReusePrevention() < want.passwordReusePrevention())) {
                int n = have.passwordReusePrevention() == null ? 0 : have.passwordReusePrevention();
                problems.add(n == 0 ? Message.of("grader.password.reuse")
                        : Message.of("grader.password.remembered", String.valueOf(n),
                        String.valueOf(want.passwordReusePrevention())));
            }
            return problems.isEmpty() ? Outcome.PASS : Outcome.fail(Message.of("grader.password.weak", join(problems)));
        }

        private void required(List<Message> problems, Boolean want, boolean have, String kind) {
            if (Boolean.TRUE.equals(want) && !have) {
                problems.add(Message.of("grader.password.need-not", Message.of("grader.password.char." + kind)));
            }
        }

        Outcome trust(Check.RoleTrust t) {
            SandboxAccount acct = account(t.account());
            IamRole role = acct.role(t.role());
            if (role == null) {
                return Outcome.fail(Message.of("grader.role.missing", t.role()));
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
            List<Message> problems = new ArrayList<>();
            for (String listedPrincipal : listed) {
                // The root user cannot assume roles, so an account principal is tried through one of its users.
                String p = listedPrincipal.endsWith(":root") ? listedPrincipal.replace(":root", ":user/dojo-trust-probe")
                        : listedPrincipal;
                if (!assume(p, role, trust, full)) {
                    problems.add(Message.of("grader.trust.cannot", p));
                    continue;
                }
                if (t.externalId() != null) {
                    Map<String, List<String>> noId = new HashMap<>(full);
                    noId.remove("sts:ExternalId");
                    if (assume(p, role, trust, noId)) {
                        problems.add(Message.of("grader.trust.no-external-id", p));
                    }
                }
                if (Boolean.TRUE.equals(t.requireMfa())) {
                    Map<String, List<String>> noMfa = new HashMap<>(full);
                    noMfa.put("aws:MultiFactorAuthPresent", List.of("false"));
                    if (assume(p, role, trust, noMfa)) {
                        problems.add(Message.of("grader.trust.no-mfa", p));
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
                    problems.add(Message.of("grader.trust.stranger", probe));
                }
            }
            return problems.isEmpty() ? Outcome.PASS
                    : Outcome.fail(Message.of("grader.trust.wrong", role.name(), join(problems)));
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
                    return Outcome.fail(Message.of("grader.instance.none-running"));
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
                return Outcome.fail(Message.of("grader.instance.missing", name));
            }
            if (instance.instanceProfileArn() == null) {
                return Outcome.fail(Message.of("grader.instance.no-profile", name, id));
            }
            SandboxAccount acct = sandbox.account(instance.accountId());
            InstanceProfile profile = acct.instanceProfiles().stream()
                    .filter(p -> p.arn().equals(instance.instanceProfileArn())).findFirst().orElse(null);
            if (profile == null || profile.roleName() == null) {
                return Outcome.fail(Message.of("grader.instance.no-role", name));
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
                return Outcome.fail(Message.of("grader.trail.none"));
            }
            TrailEvent e = matching.get(0);
            Instant at = e.eventTime();
            Object more = matching.size() > 1 ? Message.of("grader.trail.more", String.valueOf(matching.size() - 1)) : "";
            return Outcome.fail(Message.of("grader.trail.present", e.eventName(), String.valueOf(e.principalArn()),
                    String.valueOf(at), more));
        }
    }

    /** "1 hour", "3 hours", "90 minutes" (1시간, 3시간, 90분). */
    private static Message duration(int seconds) {
        if (seconds % 3600 != 0) {
            return Message.of("grader.duration.minutes", String.valueOf(seconds / 60));
        }
        return seconds == 3600 ? Message.of("grader.duration.hour") : Message.of("grader.duration.hours",
                String.valueOf(seconds / 3600));
    }

    /** Problems of one check as one sentence: "a; b; c." */
    private static Message join(List<Message> parts) {
        Message all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = Message.of("grader.problems.and", all, parts.get(i));
        }
        return Message.of("grader.problems", all);
    }

    /** The result of evaluating one check before points are applied. */
    private record Outcome(boolean passed, int partial, Localized explanation, List<String> excess,
                           GradeReport.Proof proof) {
        static final Outcome PASS = new Outcome(true, 0, null, List.of(), null);

        Outcome(boolean passed, int partial, Localized explanation, List<String> excess) {
            this(passed, partial, explanation, excess, null);
        }

        static Outcome fail(Localized why) {
            return new Outcome(false, 0, why, List.of());
        }
    }

    /** The credential found in user data, named in words: "an access key id (AccessKeyId)", not "a AccessKeyId". */
    private static Message credentialName(String kind) {
        return CREDENTIALS.contains(kind) ? Message.of("grader.credential." + kind)
                : Message.of("grader.credential.other", kind);
    }

    private static final Set<String> CREDENTIALS =
            Set.of("AccessKeyId", "TemporaryAccessKeyId", "SecretAccessKey", "SessionToken");
    /** The entity kinds a scenario's {@code entity} check names; each has its sentences. */
    static final Set<String> ENTITIES = Set.of("user", "group", "role", "instanceProfile", "policy", "bucket");
    /** Principal kinds as checks write them ("user alice", "role AppRole", "root"), each with its words. */
    static final Set<String> PRINCIPAL_KINDS = Set.of("user", "role", "service", "root", "anonymous");

    /**
     * A check's principal in words: "user tom" reads "user tom" / "사용자 tom", and "User tom" when it begins an
     * English sentence (IAM names keep their case; only the kind word is capitalized).
     */
    static Message principal(String principal, boolean startsSentence) {
        String[] w = principal.trim().split("\\s+", 2);
        String kind = w[0];
        boolean named = kind.equals("user") || kind.equals("role") || kind.equals("service");
        if (!PRINCIPAL_KINDS.contains(kind) || named != (w.length > 1)) {
            return Message.of("grader.principal.as-written", principal);
        }
        String key = "grader.principal." + kind + (startsSentence ? ".start" : "");
        return named ? Message.of(key, w[1]) : Message.of(key);
    }
}
