package org.iamdojo.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.iamdojo.training.member.MemberService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session on its next request when the member was disabled or lost a role the session was signed
 * in with (e.g. an instructor whose role was revoked): the session is invalidated before anything else runs, so
 * the page, or Vaadin's next click, finds itself signed out and goes to the sign-in page.
 */
public class MemberStateFilter extends OncePerRequestFilter {

    private final MemberService members;

    /** Checks sessions against the members' current state in {@code members}. */
    public MemberStateFilter(MemberService members) {
        this.members = members;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
                && !stillAllowed(signedIn)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillAllowed(Authentication signedIn) {
        Optional<MemberService.MemberAccess> access = members.access(signedIn.getName());
        if (access.isEmpty() || !access.get().enabled()) {
            return false;
        }
        for (GrantedAuthority authority : signedIn.getAuthorities()) {
            String role = authority.getAuthority();
            if (role != null && role.startsWith("ROLE_")
                    && access.get().roles().stream().noneMatch(r -> role.equals("ROLE_" + r.name()))) {
                return false;
            }
        }
        return true;
    }
}
