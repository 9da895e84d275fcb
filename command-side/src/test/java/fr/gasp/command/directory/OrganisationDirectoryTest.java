package fr.gasp.command.directory;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory as the command side runs it, on real PostgreSQL: an entry found once is
 * answered from memory afterwards (its tables are only ever inserted into), one not found is
 * asked again, and one seen only by a transaction that rolled back is not kept. Rows are
 * changed behind the directory's back here only to tell memory from the database.
 */
@SpringBootTest(properties = "gasp.demo-data=false")
class OrganisationDirectoryTest {

    private static final LocalDate DAY = LocalDate.of(2022, 3, 14);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.create();
        TestDatabase.springProperties(url).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private UUID gasp;

    @BeforeEach
    void gasp() {
        gasp = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_gasp (gasp_id) VALUES (?)").param(gasp).update();
    }

    @Test
    void a_group_found_once_is_answered_from_memory_afterwards() {
        UUID group = insertGroup();
        assertThat(directory.group(group)).contains(new KnownGroup(group, gasp, GroupKind.AGENTS));

        jdbc.sql("DELETE FROM directory_group WHERE group_id = ?").param(group).update();

        assertThat(directory.group(group)).contains(new KnownGroup(group, gasp, GroupKind.AGENTS));
    }

    @Test
    void a_group_not_found_is_asked_again_and_found_once_created() {
        UUID group = UUID.randomUUID();
        assertThat(directory.group(group)).isEmpty();

        insertGroup(group);

        assertThat(directory.group(group)).contains(new KnownGroup(group, gasp, GroupKind.AGENTS));
    }

    @Test
    void a_group_seen_only_by_a_transaction_that_rolled_back_is_not_kept() {
        UUID group = UUID.randomUUID();
        Optional<KnownGroup> seenInside = new TransactionTemplate(transactionManager).execute(transaction -> {
            insertGroup(group);
            Optional<KnownGroup> seen = directory.group(group);
            transaction.setRollbackOnly();
            return seen;
        });

        assertThat(seenInside).isPresent();
        assertThat(directory.group(group)).isEmpty();
    }

    @Test
    void a_group_seen_by_a_transaction_that_committed_is_kept() {
        UUID group = UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            insertGroup(group);
            assertThat(directory.group(group)).isPresent();
        });

        jdbc.sql("DELETE FROM directory_group WHERE group_id = ?").param(group).update();

        assertThat(directory.group(group)).contains(new KnownGroup(group, gasp, GroupKind.AGENTS));
    }

    @Test
    void a_gasp_and_a_meeting_found_once_are_answered_from_memory_and_unknown_ones_asked_again() {
        UUID group = insertGroup();
        UUID meeting = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_meeting (meeting_id, gasp_id, kind, group_id, occurred_on) VALUES (?, ?, ?, ?, ?)")
                .params(meeting, gasp, MeetingKind.GROUP.name(), group, DAY).update();
        KnownMeeting known = new KnownMeeting(meeting, gasp, MeetingKind.GROUP, group, DAY);
        UUID otherGasp = UUID.randomUUID();
        assertThat(directory.gaspExists(gasp)).isTrue();
        assertThat(directory.gaspExists(otherGasp)).isFalse();
        assertThat(directory.meeting(meeting)).contains(known);

        jdbc.sql("DELETE FROM directory_meeting WHERE meeting_id = ?").param(meeting).update();
        jdbc.sql("DELETE FROM directory_group WHERE group_id = ?").param(group).update();
        jdbc.sql("DELETE FROM directory_gasp WHERE gasp_id = ?").param(gasp).update();
        jdbc.sql("INSERT INTO directory_gasp (gasp_id) VALUES (?)").param(otherGasp).update();

        assertThat(directory.gaspExists(gasp)).isTrue();
        assertThat(directory.meeting(meeting)).contains(known);
        assertThat(directory.gaspExists(otherGasp)).isTrue();
    }

    private UUID insertGroup() {
        return insertGroup(UUID.randomUUID());
    }

    private UUID insertGroup(UUID group) {
        jdbc.sql("INSERT INTO directory_group (group_id, gasp_id, kind) VALUES (?, ?, ?)")
                .params(group, gasp, GroupKind.AGENTS.name()).update();
        return group;
    }
}
