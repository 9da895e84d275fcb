package fr.gasp.command.directory;

import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory, kept in small tables by a subscribing event handler: it runs in the
 * transaction that stores the event, so a group is known the moment its creation is
 * acknowledged and a command naming it can never see a stale answer. What is found is kept in
 * memory ({@link EntriesFoundOnce}): the tables are only ever inserted into.
 */
@Component
@ProcessingGroup(JdbcOrganisationDirectory.PROCESSING_GROUP)
public class JdbcOrganisationDirectory implements OrganisationDirectory {

    public static final String PROCESSING_GROUP = "organisation-directory";
    /** Entries of each kind kept in memory: a GASP has about ten groups and a few dozen meetings a year. */
    private static final int KEPT_PER_KIND = 10_000;

    private final JdbcClient jdbc;
    private final EntriesFoundOnce<UUID, UUID> gasps = new EntriesFoundOnce<>(KEPT_PER_KIND);
    private final EntriesFoundOnce<UUID, KnownGroup> groups = new EntriesFoundOnce<>(KEPT_PER_KIND);
    private final EntriesFoundOnce<UUID, KnownMeeting> meetings = new EntriesFoundOnce<>(KEPT_PER_KIND);

    public JdbcOrganisationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GaspCreated event) {
        jdbc.sql("INSERT INTO directory_gasp (gasp_id) VALUES (?)").param(event.gaspId()).update();
    }

    @EventHandler
    void on(GroupCreated event) {
        jdbc.sql("INSERT INTO directory_group (group_id, gasp_id, kind) VALUES (?, ?, ?)")
                .params(event.groupId(), event.gaspId(), event.kind().name())
                .update();
    }

    @EventHandler
    void on(MeetingHeld event) {
        jdbc.sql("INSERT INTO directory_meeting (meeting_id, gasp_id, kind, group_id, occurred_on) VALUES (?, ?, ?, ?, ?)")
                .params(event.meetingId(), event.gaspId(), event.kind().name(), event.groupId(), event.occurredOn())
                .update();
    }

    @Override
    public boolean gaspExists(UUID gaspId) {
        return gasps.get(gaspId, id -> jdbc.sql("SELECT gasp_id FROM directory_gasp WHERE gasp_id = ?")
                .param(id).query(UUID.class).optional()).isPresent();
    }

    @Override
    public Optional<KnownGroup> group(UUID groupId) {
        return groups.get(groupId, id -> jdbc.sql("SELECT group_id, gasp_id, kind FROM directory_group WHERE group_id = ?")
                .param(id)
                .query(JdbcOrganisationDirectory::knownGroup)
                .optional());
    }

    @Override
    public List<KnownGroup> groupsOf(UUID gaspId) {
        return jdbc.sql("SELECT group_id, gasp_id, kind FROM directory_group WHERE gasp_id = ? ORDER BY kind, group_id")
                .param(gaspId)
                .query(JdbcOrganisationDirectory::knownGroup)
                .list();
    }

    @Override
    public Optional<KnownMeeting> meeting(UUID meetingId) {
        return meetings.get(meetingId, id -> jdbc.sql(
                        "SELECT meeting_id, gasp_id, kind, group_id, occurred_on FROM directory_meeting WHERE meeting_id = ?")
                .param(id)
                .query((row, number) -> new KnownMeeting(row.getObject("meeting_id", UUID.class),
                        row.getObject("gasp_id", UUID.class), MeetingKind.valueOf(row.getString("kind")),
                        row.getObject("group_id", UUID.class), row.getObject("occurred_on", LocalDate.class)))
                .optional());
    }

    private static KnownGroup knownGroup(ResultSet row, int number) throws SQLException {
        return new KnownGroup(row.getObject("group_id", UUID.class), row.getObject("gasp_id", UUID.class),
                GroupKind.valueOf(row.getString("kind")));
    }
}
