package fr.gasp.query.meeting;

import fr.gasp.query.meeting.MeetingViews.MeetingProposals;
import fr.gasp.query.meeting.MeetingViews.ProposalAtMeeting;
import fr.gasp.query.meeting.MeetingViews.ProposalDecided;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What each meeting did with proposals, titled with each proposal's current title. */
@Repository
class MeetingProposalQueries {

    private static final MeetingProposals NONE = new MeetingProposals(List.of(), List.of(), List.of(), List.of(),
            List.of());

    private final JdbcClient jdbc;

    MeetingProposalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static MeetingProposals none() {
        return NONE;
    }

    Map<UUID, MeetingProposals> of(Collection<UUID> meetingIds) {
        Map<UUID, Steps> steps = new HashMap<>();
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        // A joint meeting's presentations are known twice, from the meeting's restitution and
        // from each proposal's own event, projected in either order: both count, once.
        jdbc.sql("""
                        SELECT DISTINCT l.meeting_id, l.step, l.outcome, l.proposal_id, p.title
                        FROM (SELECT meeting_id, step, outcome, proposal_id FROM meeting_proposal
                              WHERE meeting_id IN (:ids)
                              UNION ALL
                              SELECT meeting_id, 'PRESENTED', NULL, proposal_id FROM meeting_restitution
                              WHERE meeting_id IN (:ids)) l
                        LEFT JOIN proposal_view p ON p.proposal_id = l.proposal_id
                        ORDER BY p.title, l.proposal_id, l.outcome""")
                .param("ids", meetingIds)
                .query(row -> {
                    Steps meeting = steps.computeIfAbsent(row.getObject("meeting_id", UUID.class), id -> new Steps());
                    UUID proposalId = row.getObject("proposal_id", UUID.class);
                    String title = row.getString("title");
                    switch (MeetingStep.valueOf(row.getString("step"))) {
                        case RAISED -> meeting.raised.add(new ProposalAtMeeting(proposalId, title));
                        case DISCUSSED -> meeting.discussed.add(new ProposalAtMeeting(proposalId, title));
                        case SUBMITTED -> meeting.submitted.add(new ProposalAtMeeting(proposalId, title));
                        case DECIDED -> meeting.decided.add(new ProposalDecided(proposalId, title,
                                row.getString("outcome")));
                        case PRESENTED -> meeting.presented.add(new ProposalAtMeeting(proposalId, title));
                    }
                });
        Map<UUID, MeetingProposals> proposals = new HashMap<>();
        steps.forEach((meetingId, s) -> proposals.put(meetingId,
                new MeetingProposals(s.raised, s.discussed, s.submitted, s.decided, s.presented)));
        return proposals;
    }

    private static final class Steps {
        final List<ProposalAtMeeting> raised = new ArrayList<>();
        final List<ProposalAtMeeting> discussed = new ArrayList<>();
        final List<ProposalAtMeeting> submitted = new ArrayList<>();
        final List<ProposalDecided> decided = new ArrayList<>();
        final List<ProposalAtMeeting> presented = new ArrayList<>();
    }
}
