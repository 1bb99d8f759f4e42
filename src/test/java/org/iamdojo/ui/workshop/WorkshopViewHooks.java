package org.iamdojo.ui.workshop;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.iamdojo.iam.account.CallResult;

/** Test access to the workshop views' package-private hooks from the shared Karibu tests. */
public final class WorkshopViewHooks {
    private WorkshopViewHooks() {
    }

    /** The read-only console refuses a mutating and a reading call with the read-only error. */
    public static void assertRefuses() {
        ParticipantAttemptView view = _get(ParticipantAttemptView.class);
        for (String op : new String[] {"CreateUser", "ListUsers"}) {
            CallResult result = view.tryCall("iam", op);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.error().code()).isEqualTo(ParticipantAttemptView.READ_ONLY_CODE);
            assertThat(result.error().getMessage()).contains("read-only");
        }
    }

    /** The board's CSV export bytes. */
    public static byte[] csv(WorkshopBoardView board) {
        return board.csvBytes();
    }
}
