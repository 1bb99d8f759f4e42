package org.iamdojo.training.member;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19, item 10: IAMDOJO_ADMIN_PASSWORD meets the sign-up rules, or the install does not start with it. */
class FirstAdminInitializerTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Admin-Pass-1", "Str0ng-enough-Str0ng-enough-Str0ng-enough-Str0ng-enough-Str0ng-enough-123"})
    void aWeakOrOverlongConfiguredPasswordIsRefusedAndNoAdminIsCreated(String password) {
        MemberService members = mock(MemberService.class);
        when(members.isEmpty()).thenReturn(true);
        FirstAdminInitializer initializer = new FirstAdminInitializer(members, password);
        assertThatThrownBy(() -> initializer.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IAMDOJO_ADMIN_PASSWORD");
        verify(members, never()).createAdmin(anyString(), anyString());
    }
}
