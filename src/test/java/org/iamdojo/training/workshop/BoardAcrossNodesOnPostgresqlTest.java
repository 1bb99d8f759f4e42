package org.iamdojo.training.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.OnPostgresql;
import org.iamdojo.training.attempt.AttemptActivity;
import org.iamdojo.training.attempt.AttemptActivityBus;
import org.iamdojo.training.attempt.PostgresActivityRelay;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 20, item 4: an instructor's board on node A hears a learner on node B. Node B is this test's application
 * (its services publish on its bus, its relay NOTIFYs); node A is a second bus, relay and board feed in the same
 * process, with its own connections to the same PostgreSQL database and nothing else in common.
 */
@InMemoryAppTest
@OnPostgresql
class BoardAcrossNodesOnPostgresqlTest {
    @Autowired
    MemberService members;
    @Autowired
    WorkshopService workshops;
    @Autowired
    AttemptActivityBus nodeBBus;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;

    @Test
    void aJoinOnNodeBReachesTheBoardOnNodeA() throws Exception {
        // The database outlives one run (a developer's cluster): fresh names every time.
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacher = "teacher-" + suffix;
        String learner = "learner-" + suffix;
        members.signUp(teacher, "Teacher-Password-42");
        members.setInstructor(teacher, true);
        members.signUp(learner, "Learner-Password-42");
        Instant now = Instant.now();
        Workshop w = workshops.create(teacher, new WorkshopService.Draft("two nodes",
                List.of("developers-and-testers"), now.minusSeconds(60), now.plus(Duration.ofHours(1)), true, false));

        AttemptActivityBus nodeABus = new AttemptActivityBus();
        PostgresActivityRelay nodeA = new PostgresActivityRelay(nodeABus, url, user, password);
        BoardFeed nodeAFeed = new BoardFeed(nodeABus, workshops);
        List<AttemptActivity> heardOnB = new CopyOnWriteArrayList<>();
        nodeA.start();
        try (AutoCloseable onB = nodeBBus.subscribe(heardOnB::add)) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!nodeA.listening() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(nodeA.listening()).isTrue();
            BlockingQueue<Board> boardsOnA = new LinkedBlockingQueue<>();
            try (AutoCloseable watching = nodeAFeed.watch(w.id(), teacher, boardsOnA::add)) {
                workshops.join(w.joinCode(), learner); // on node B

                Board board = boardsOnA.poll(5, TimeUnit.SECONDS);
                assertThat(board).as("node A's board refreshed after node B's join").isNotNull();
                assertThat(board.rows()).extracting(Board.Row::username).containsExactly(learner);
            }
            // Node B heard its own join once, in-process; its relay drops its own NOTIFY instead of repeating it.
            Thread.sleep(1000);
            assertThat(heardOnB).filteredOn(a -> w.id().equals(a.workshopId())).hasSize(1);
        } finally {
            nodeA.stop();
            nodeAFeed.stop();
        }
    }
}
