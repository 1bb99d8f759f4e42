package org.iamdojo.training.member;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Lets Spring Security sign members in: roles become ROLE_* authorities, disabling applies. */
@Component
public class MemberUserDetailsService implements UserDetailsService {

    private final MemberService memberService;

    /** Looks members up through the given service. */
    public MemberUserDetailsService(MemberService memberService) {
        this.memberService = memberService;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username.length() > CredentialRules.MAX_USERNAME_LENGTH + 2) {
            // No member has such a name; the caller still runs bcrypt against its dummy hash.
            throw new UsernameNotFoundException("No such member");
        }
        Member member = memberService.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such member"));
        return User.withUsername(member.getUsername())
                .password(member.getPasswordHash())
                .roles(member.getRoles().stream().map(Enum::name).toArray(String[]::new))
                .disabled(!member.isEnabled())
                .build();
    }
}
