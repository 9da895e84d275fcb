package fr.gasp.query.meeting;

import fr.gasp.query.common.ReadModelCommits;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that just wrote to a meeting names the version its command answered, and the read
 * waits until the read model has it (the tests run with a one-second bound), woken by the
 * batches that hold its meeting's events.
 */
class MeetingReadYourWritesTest extends QuerySideIntegrationTest {

    @Autowired
    ReadModelCommits commits;

    @Test
    void a_read_naming_a_newer_version_waits_for_it() throws Exception {
        UUID meeting = heldMeeting();
        CompletableFuture<Answer> detail = api.getAsync("secretariat", "/api/meetings/" + meeting + "?minVersion=1");
        CompletableFuture<Answer> minutes = api.getAsync("secretariat",
                "/api/meetings/" + meeting + "/minutes?minVersion=1");
        Thread.sleep(300);
        assertThat(detail).isNotDone();
        assertThat(minutes).isNotDone();

        long version = given.minutes(meeting, 1, "Compte rendu", LocalDate.of(2012, 3, 3));

        assertThat(version).isEqualTo(1);
        Answer meetingAnswer = detail.join();
        assertThat(meetingAnswer.status()).isEqualTo(200);
        assertThat(meetingAnswer.body().get("version").asLong()).isEqualTo(1);
        assertThat(meetingAnswer.body().get("minutes").get("text").asText()).isEqualTo("Compte rendu");
        Answer minutesAnswer = minutes.join();
        assertThat(minutesAnswer.status()).isEqualTo(200);
        assertThat(minutesAnswer.body()).hasSize(1);
    }

    @Test
    void the_processor_signals_the_aggregates_of_each_batch_it_commits() {
        UUID meeting = heldMeeting();
        try (ReadModelCommits.Watch written = commits.watch(meeting.toString());
             ReadModelCommits.Watch untouched = commits.watch(UUID.randomUUID().toString())) {
            long writtenBefore = written.stamp();
            long untouchedBefore = untouched.stamp();

            given.minutes(meeting, 1, "Compte rendu", LocalDate.of(2012, 3, 3));
            given.awaitReadModel();

            assertThat(written.stamp()).as("a batch held the meeting's event").isNotEqualTo(writtenBefore);
            assertThat(untouched.stamp()).isEqualTo(untouchedBefore);
        }
    }

    @Test
    void a_version_already_reached_answers_at_once() {
        UUID meeting = heldMeeting();

        assertThat(api.get("secretariat", "/api/meetings/" + meeting + "?minVersion=0").status()).isEqualTo(200);
    }

    @Test
    void a_version_never_reached_is_a_503_problem_to_retry() {
        UUID meeting = heldMeeting();

        Answer answer = api.get("secretariat", "/api/meetings/" + meeting + "?minVersion=5");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.retryAfter()).isEqualTo("1");
        assertThat(answer.body().get("detail").asText()).contains("La réunion " + meeting, "version 5");
    }

    private UUID heldMeeting() {
        UUID gasp = given.gasp("GASP pressé", LocalDate.of(2012, 1, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", LocalDate.of(2012, 1, 2));
        UUID meeting = given.meeting(gasp, GROUP, group, LocalDate.of(2012, 3, 3), 10);
        given.awaitReadModel();
        return meeting;
    }
}
