package org.iamdojo.training.member;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Sign-up and administration of members; sign-in attempts are throttled by {@link SignInThrottle}. */
@Service
public class MemberService {

    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    /** What each signed-in member may do now, read on every request; dropped after each committed change. */
    private final Map<String, MemberAccess> access = new ConcurrentHashMap<>();
    private final MemberRepository members;
    private final PasswordEncoder passwordEncoder;
    private final SignUpThrottle signUpThrottle;
    private Clock clock = Clock.systemUTC();

    /** Service over the given repository, hashing with the given encoder, sign-ups limited by the throttle. */
    public MemberService(MemberRepository members, PasswordEncoder passwordEncoder, SignUpThrottle signUpThrottle) {
        this.members = members;
        this.passwordEncoder = passwordEncoder;
        this.signUpThrottle = signUpThrottle;
    }

    // Tests pin the creation time.
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Creates a LEARNER account, or throws {@link SignUpRejectedException} listing every broken rule. */
    @Transactional
    public Member signUp(String rawUsername, String password) {
        String username = CredentialRules.normalizeUsername(rawUsername);
        List<SignUpProblem> problems = checkSignUp(username, password);
        if (!problems.isEmpty()) {
            throw new SignUpRejectedException(problems);
        }
        try {
            return members.saveAndFlush(new Member(username, passwordEncoder.encode(password),
                    EnumSet.of(MemberRole.LEARNER), clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            // Two sign-ups for one name at once: the unique constraint decides.
            throw new SignUpRejectedException(
                    List.of(new SignUpProblem(SignUpProblem.USERNAME, "signup.error.username.taken")));
        }
    }

    /**
     * As {@link #checkSignUp}, for a sign-up submitted from {@code address}: over the address's sign-up rate, the only
     * problem is the rate (the name is not looked up, so a refused submission reveals nothing).
     */
    @Transactional(readOnly = true)
    public List<SignUpProblem> checkSignUpFrom(String address, String rawUsername, String password) {
        if (!signUpThrottle.tryAcquire(address)) {
            return List.of(new SignUpProblem(SignUpProblem.USERNAME, "signup.error.rate"));
        }
        return checkSignUp(rawUsername, password);
    }

    /** Every rule a sign-up with these credentials would break (taken name included); empty when it would pass. */
    @Transactional(readOnly = true)
    public List<SignUpProblem> checkSignUp(String rawUsername, String password) {
        String username = CredentialRules.normalizeUsername(rawUsername);
        List<SignUpProblem> problems = new ArrayList<>(CredentialRules.checkUsername(username));
        if (problems.isEmpty() && members.existsByUsernameIgnoreCase(username)) {
            problems.add(new SignUpProblem(SignUpProblem.USERNAME, "signup.error.username.taken"));
        }
        problems.addAll(CredentialRules.checkPassword(password, username));
        return problems;
    }

    /** Creates an ADMIN account without the sign-up rules (used for the first start). */
    @Transactional
    public Member createAdmin(String username, String password) {
        return members.saveAndFlush(new Member(CredentialRules.normalizeUsername(username),
                passwordEncoder.encode(password), EnumSet.of(MemberRole.ADMIN), clock.instant()));
    }

    /** Whether no member exists yet. */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return members.count() == 0;
    }

    /** The member with this username, if any. */
    @Transactional(readOnly = true)
    public Optional<Member> find(String username) {
        return members.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(username));
    }

    /**
     * The id of the member with this username, if any. Usernames never change and members are never deleted, so
     * the answer is kept: attempts, workshops and practice look members up on every action.
     */
    public Optional<Long> idOf(String username) {
        String name = CredentialRules.normalizeUsername(username);
        Long id = ids.get(name);
        if (id == null) {
            id = find(name).map(Member::getId).orElse(null);
            if (id != null) {
                ids.put(name, id);
            }
        }
        return Optional.ofNullable(id);
    }

    /** Every member, oldest first. */
    @Transactional(readOnly = true)
    public List<Member> findAll() {
        return members.findAllByOrderByCreatedAtAscIdAsc();
    }

    /** Whether a member may sign in, and the roles they hold now. */
    public record MemberAccess(boolean enabled, Set<MemberRole> roles) {
    }

    /**
     * What the member named {@code username} may do now (empty when there is no such member), from a cache that
     * every committed change of their account or roles clears: the per-request check of open sessions.
     */
    public Optional<MemberAccess> access(String username) {
        String name = CredentialRules.normalizeUsername(username);
        MemberAccess known = access.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MemberAccess> now = find(name).map(m -> new MemberAccess(m.isEnabled(), m.getRoles()));
        now.ifPresent(a -> access.put(name, a));
        return now;
    }

    // After the commit, so a request in between cannot cache the state being replaced.
    private void forgetAccessAfterCommit(String username) {
        String name = CredentialRules.normalizeUsername(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            access.remove(name);
                        }
                    });
        } else {
            access.remove(name);
        }
    }

    /** Grants or revokes INSTRUCTOR; a revoked instructor's open sessions end at their next request. */
    @Transactional
    public Member setInstructor(String username, boolean instructor) {
        Member member = require(username);
        forgetAccessAfterCommit(member.getUsername());
        if (instructor) {
            member.grant(MemberRole.INSTRUCTOR);
        } else {
            member.revoke(MemberRole.INSTRUCTOR);
        }
        return member;
    }

    /**
     * Enables or disables an account; a disabled member's open sessions end at their next request.
     * {@code actingUsername} may not disable itself, so an admin cannot lock everyone out by accident.
     */
    @Transactional
    public Member setEnabled(String username, boolean enabled, String actingUsername) {
        Member member = require(username);
        if (!enabled && member.getUsername().equals(CredentialRules.normalizeUsername(actingUsername))) {
            throw new IllegalArgumentException("A member cannot disable their own account");
        }
        forgetAccessAfterCommit(member.getUsername());
        member.setEnabled(enabled);
        return member;
    }

    private Member require(String username) {
        return members.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(username))
                .orElseThrow(() -> new IllegalArgumentException("No member named " + username));
    }
}
