package fr.gasp.benchmarks;

import fr.gasp.benchmarks.ProposalLifecycles.Meeting;
import fr.gasp.benchmarks.ProposalLifecycles.Step;
import fr.gasp.benchmarks.ProposalLifecycles.Territory;
import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalWithdrawn;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalLifecyclesTest {

    private static final LocalDate FIRST = LocalDate.of(2016, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

    private final UUID agents = UUID.randomUUID();
    private final UUID users = UUID.randomUUID();
    private final UUID referents = UUID.randomUUID();
    private final Territory territory = new Territory(UUID.randomUUID(), List.of(agents, users), referents,
            meetings(), FIRST, LAST);

    @Test
    void every_generated_life_takes_only_the_steps_its_status_allows_with_dates_that_never_go_back() {
        ProposalLifecycles lifecycles = new ProposalLifecycles(territory, 42);
        Map<ProposalStatus, Integer> finalStatuses = new EnumMap<>(ProposalStatus.class);
        int events = 0;
        for (int proposal = 0; proposal < 2_000; proposal++) {
            List<Step> life = lifecycles.next();
            ProposalStatus status = null;
            LocalDate previous = FIRST;
            for (int index = 0; index < life.size(); index++) {
                Step step = life.get(index);
                ProposalEvent event = step.event();
                assertThat(step.sequence()).isEqualTo(index);
                assertThat(event.proposalId()).isEqualTo(step.proposalId());
                if (index == 0) {
                    assertThat(event).isInstanceOf(ProposalRaised.class);
                } else {
                    assertThat(status.allows(action(event))).as(status + " then " + event).isTrue();
                }
                assertThat(event.occurredOn()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(LAST);
                previous = event.occurredOn();
                status = ProposalStatus.after(status, event);
            }
            finalStatuses.merge(status, 1, Integer::sum);
            events += life.size();
        }
        assertThat(events / 2_000.0).isBetween(8.0, 11.0);
        assertThat(finalStatuses).containsKeys(ProposalStatus.IMPLEMENTED, ProposalStatus.IN_IMPLEMENTATION,
                ProposalStatus.REJECTED, ProposalStatus.WITHDRAWN, ProposalStatus.SUBMITTED);
    }

    @Test
    void steps_at_a_meeting_take_its_date_and_decisions_happen_at_a_referents_session() {
        ProposalLifecycles lifecycles = new ProposalLifecycles(territory, 7);
        Map<UUID, Meeting> byId = new java.util.HashMap<>();
        territory.meetings().forEach(meeting -> byId.put(meeting.id(), meeting));
        for (int proposal = 0; proposal < 500; proposal++) {
            for (Step step : lifecycles.next()) {
                UUID meetingId = step.event().meetingId();
                if (meetingId != null) {
                    assertThat(byId.get(meetingId).date()).isEqualTo(step.event().occurredOn());
                    boolean decision = step.role().equals("REFERENT");
                    assertThat(byId.get(meetingId).groupId()).isEqualTo(decision ? referents : meetingGroup(step));
                }
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_store() {
        assertThat(new ProposalLifecycles(territory, 3).next()).isEqualTo(new ProposalLifecycles(territory, 3).next());
    }

    private static UUID meetingGroup(Step step) {
        if (step.event() instanceof ProposalRaised raised) {
            return raised.raisedByGroupId();
        }
        return ((ProposalDiscussed) step.event()).groupId();
    }

    /** The action each kind of step takes; the three decisions are all DECIDE. */
    private static final Map<Class<?>, ProposalAction> ACTIONS = Map.of(
            ProposalDiscussed.class, ProposalAction.DISCUSS,
            ProposalAmended.class, ProposalAction.AMEND,
            ProposalSubmitted.class, ProposalAction.SUBMIT,
            ImplementationStarted.class, ProposalAction.START_IMPLEMENTATION,
            ImplementationProgressed.class, ProposalAction.REPORT_PROGRESS,
            ImplementationCompleted.class, ProposalAction.COMPLETE,
            ProposalWithdrawn.class, ProposalAction.WITHDRAW);

    private static ProposalAction action(ProposalEvent event) {
        return ACTIONS.getOrDefault(event.getClass(), ProposalAction.DECIDE);
    }

    private List<Meeting> meetings() {
        List<Meeting> meetings = new ArrayList<>();
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            for (int month = 1; month <= 12; month++) {
                meetings.add(new Meeting(UUID.randomUUID(), agents, LocalDate.of(year, month, 10)));
            }
            for (int quarter = 0; quarter < 4; quarter++) {
                meetings.add(new Meeting(UUID.randomUUID(), users, LocalDate.of(year, 3 * quarter + 2, 15)));
            }
            meetings.add(new Meeting(UUID.randomUUID(), referents, LocalDate.of(year, 3, 20)));
            meetings.add(new Meeting(UUID.randomUUID(), referents, LocalDate.of(year, 10, 20)));
            meetings.add(new Meeting(UUID.randomUUID(), null, LocalDate.of(year, 12, 5)));
        }
        return meetings;
    }
}
