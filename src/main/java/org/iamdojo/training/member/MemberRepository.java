package org.iamdojo.training.member;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored members. */
public interface MemberRepository extends JpaRepository<Member, Long> {

    /** The member with this username, compared case-insensitively. */
    Optional<Member> findByUsernameIgnoreCase(String username);

    /** Whether a member with this username exists, compared case-insensitively. */
    boolean existsByUsernameIgnoreCase(String username);

    /** All members, oldest first. */
    List<Member> findAllByOrderByCreatedAtAscIdAsc();
}
