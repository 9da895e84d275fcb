package fr.gasp.command.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The member registry in the {@code member_registry} table (which the query side reads for names). */
@Repository
public class JdbcMemberRegistry implements MemberRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcMemberRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void register(UUID memberId, UUID groupId, String displayName, LocalDate joinedOn) {
        jdbc.sql("INSERT INTO member_registry (member_id, group_id, display_name, joined_on) VALUES (?, ?, ?, ?)")
                .params(memberId, groupId, displayName, joinedOn)
                .update();
    }

    @Override
    public void recordDeparture(UUID memberId, LocalDate leftOn) {
        jdbc.sql("UPDATE member_registry SET left_on = ? WHERE member_id = ?").params(leftOn, memberId).update();
    }

    @Override
    public boolean erase(UUID memberId) {
        return jdbc.sql("""
                        UPDATE member_registry SET display_name = NULL, erased_at = ?
                        WHERE member_id = ? AND erased_at IS NULL""")
                .params(OffsetDateTime.now(clock), memberId)
                .update() > 0;
    }

    @Override
    public Optional<Membership> membership(UUID memberId) {
        return jdbc.sql("SELECT group_id, joined_on, left_on FROM member_registry WHERE member_id = ?")
                .param(memberId)
                .query((row, number) -> new Membership(row.getObject("group_id", UUID.class),
                        row.getObject("joined_on", LocalDate.class), row.getObject("left_on", LocalDate.class)))
                .optional();
    }
}
