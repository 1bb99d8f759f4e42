package org.iamdojo.training.member;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds Spring Security's sign-in outcomes into the per-account failure counter. */
@Component
public class SignInEventListener {

    private final MemberService memberService;

    /** Listener that updates members through the given service. */
    public SignInEventListener(MemberService memberService) {
        this.memberService = memberService;
    }

    /** A wrong password (or an unknown name, which changes nothing) counts towards the lock. */
    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        memberService.recordFailedSignIn(event.getAuthentication().getName());
    }

    /** A successful sign-in clears the counter. */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        memberService.recordSuccessfulSignIn(event.getAuthentication().getName());
    }
}
