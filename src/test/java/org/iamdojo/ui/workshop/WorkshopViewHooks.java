package org.iamdojo.ui.workshop;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/** Test access to the workshop views' package-private hooks from the shared Karibu tests. */
public final class WorkshopViewHooks {
    private WorkshopViewHooks() {
    }

    /**
     * The read-only console answers reads (the learner's users and groups) and refuses writes, an AssumeRole and
     * a clock move with the read-only error.
     */
    public static void assertReadsButRefusesWrites(String user, String group) {
        ParticipantAttemptView view = _get(ParticipantAttemptView.class);
        CallResult users = view.tryCall("iam", "ListUsers", Params.of());
        assertThat(users.succeeded()).isTrue();
        assertThat(users.response().path("Users").findValuesAsText("UserName")).contains(user);
        CallResult groups = view.tryCall("iam", "ListGroups", Params.of());
        assertThat(groups.response().path("Groups").findValuesAsText("GroupName")).contains(group);
        for (CallResult refused : new CallResult[] {view.tryCall("iam", "CreateUser", Params.of("UserName", "x")),
                view.tryCall("iam", "DeleteGroup", Params.of("GroupName", group)),
                view.tryCall("sts", "AssumeRole", Params.of("RoleArn", "arn:aws:iam::111122223333:role/x",
                        "RoleSessionName", "peek"))}) {
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.error().code()).isEqualTo(ParticipantAttemptView.READ_ONLY_CODE);
            assertThat(refused.error().getMessage()).contains("read-only");
        }
        assertThat(view.workspace().clockMovable()).isFalse();
        assertThatThrownBy(() -> view.workspace().advanceClock(Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The board's CSV export bytes. */
    public static byte[] csv(WorkshopBoardView board) {
        return board.csvBytes();
    }
}
