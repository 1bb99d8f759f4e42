package org.iamdojo.training.member;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An account of IAM Dojo itself (not an IAM user of a sandbox): a username, a password hash and roles. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "username", nullable = false, unique = true, length = 32)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "role", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);

    /** For JPA only. */
    protected Member() {
        this.username = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    /** A new enabled member with the given roles. */
    public Member(String username, String passwordHash, Set<MemberRole> roles, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(MemberRole.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    /** Database id, null until saved. */
    public @Nullable Long getId() {
        return id;
    }

    /** Unique sign-in name. */
    public String getUsername() {
        return username;
    }

    /** Encoded password with its {id} prefix (DelegatingPasswordEncoder format). */
    public String getPasswordHash() {
        return passwordHash;
    }

    /** Whether the member may sign in at all. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Enables or disables sign-in. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** When the account was created. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The member's roles (a copy). */
    public Set<MemberRole> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(MemberRole.class) : EnumSet.copyOf(roles);
    }

    /** Whether the member holds {@code role}. */
    public boolean hasRole(MemberRole role) {
        return roles.contains(role);
    }

    /** Adds a role. */
    public void grant(MemberRole role) {
        roles.add(role);
    }

    /** Removes a role. */
    public void revoke(MemberRole role) {
        roles.remove(role);
    }
}
