package org.iamdojo.training.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, sign-in bookkeeping and administration of members. */
@Service
public class MemberService {

    /** Failed sign-ins in a row that trigger a temporary lock. */
    public static final int MAX_FAILED_SIGN_INS = 5;
    /** How long an account stays locked after too many failures. */
    public static final Duration LOCK_DURATION = Duration.ofMinutes(2);

    private final java.util.Map<String, Long> ids = new java.util.concurrent.ConcurrentHashMap<>();
    private final MemberRepository members;
    private final PasswordEncoder passwordEncoder;
    private Clock clock = Clock.systemUTC();

    /** Service over the given repository, hashing with the given encoder. */
    public MemberService(MemberRepository members, PasswordEncoder passwordEncoder) {
        this.members = members;
        this.passwordEncoder = passwordEncoder;
    }

    // Tests move time forward to watch locks expire.
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

    /** The current time of this service's clock (used to evaluate locks). */
    public Instant now() {
        return clock.instant();
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for {@link #LOCK_DURATION}. */
    @Transactional
    public void recordFailedSignIn(String username) {
        members.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(username)).ifPresent(member -> {
            int failures = member.getFailedSignIns() + 1;
            if (failures >= MAX_FAILED_SIGN_INS) {
                member.setLockedUntil(clock.instant().plus(LOCK_DURATION));
                failures = 0;
            }
            member.setFailedSignIns(failures);
        });
    }

    /** Clears the failure counter and any lock after a successful sign-in. */
    @Transactional
    public void recordSuccessfulSignIn(String username) {
        members.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(username)).ifPresent(member -> {
            member.setFailedSignIns(0);
            member.setLockedUntil(null);
        });
    }

    /** Grants or revokes INSTRUCTOR. */
    @Transactional
    public Member setInstructor(String username, boolean instructor) {
        Member member = require(username);
        if (instructor) {
            member.grant(MemberRole.INSTRUCTOR);
        } else {
            member.revoke(MemberRole.INSTRUCTOR);
        }
        return member;
    }

    /**
     * Enables or disables an account. {@code actingUsername} may not disable itself, so an admin cannot lock
     * everyone out by accident.
     */
    @Transactional
    public Member setEnabled(String username, boolean enabled, String actingUsername) {
        Member member = require(username);
        if (!enabled && member.getUsername().equals(CredentialRules.normalizeUsername(actingUsername))) {
            throw new IllegalArgumentException("A member cannot disable their own account");
        }
        member.setEnabled(enabled);
        return member;
    }

    private Member require(String username) {
        return members.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(username))
                .orElseThrow(() -> new IllegalArgumentException("No member named " + username));
    }
}
