package fr.gasp.command.meeting;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.platform.problem.ConflictException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.gasp.command.common.CommandTestSupport.invalidInput;
import static fr.gasp.command.meeting.MeetingFixtures.AGENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.HELD_ON;
import static fr.gasp.command.meeting.MeetingFixtures.MEETING_ID;
import static fr.gasp.command.meeting.MeetingFixtures.REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.USERS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.held;
import static fr.gasp.command.meeting.MeetingFixtures.meetingFixture;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static org.hamcrest.Matchers.containsString;

/**
 * domain.md: "Once a year a joint meeting (rencontre inter-groupes) of all groups does a
 * collective restitution: it presents, discusses and validates the year's themes and
 * proposals." api.md: restitution, "JOINT meetings only". The meeting records which proposals
 * it presented, on its date; each proposal records its own presentation.
 */
class MeetingRestitutionTest {

    private static final UUID GUIDE_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID COMPLAINT_FORM_ID = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID OPENING_HOURS_ID = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = meetingFixture();
    }

    @Test
    void the_joint_meeting_presents_the_year_s_proposals_on_its_date() {
        fixture.given(held(JOINT, null))
                .when(new RecordRestitution(MEETING_ID, List.of(GUIDE_ID, COMPLAINT_FORM_ID, OPENING_HOURS_ID)))
                .expectEvents(new RestitutionHeld(MEETING_ID, List.of(GUIDE_ID, COMPLAINT_FORM_ID, OPENING_HOURS_ID),
                        HELD_ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_proposal_named_twice_is_presented_once_in_the_order_first_given() {
        fixture.given(held(JOINT, null))
                .when(new RecordRestitution(MEETING_ID,
                        Arrays.asList(COMPLAINT_FORM_ID, GUIDE_ID, null, COMPLAINT_FORM_ID, GUIDE_ID)))
                .expectEvents(new RestitutionHeld(MEETING_ID, List.of(COMPLAINT_FORM_ID, GUIDE_ID), HELD_ON));
    }

    static Stream<Arguments> meetingsOtherThanJoint() {
        return Stream.of(Arguments.of(MeetingKind.GROUP, AGENTS_ID), Arguments.of(MeetingKind.GROUP, USERS_ID),
                Arguments.of(MeetingKind.REFERENTS_SESSION, REFERENTS_ID));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("meetingsOtherThanJoint")
    void only_a_joint_meeting_holds_a_restitution(MeetingKind kind, UUID groupId) {
        fixture.given(held(kind, groupId))
                .when(new RecordRestitution(MEETING_ID, List.of(GUIDE_ID)))
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString(kind.name()))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void a_restitution_presents_at_least_one_proposal(List<UUID> proposalIds) {
        fixture.given(held(JOINT, null))
                .when(new RecordRestitution(MEETING_ID, proposalIds))
                .expectException(invalidInput("proposalIds"))
                .expectNoEvents();
    }

    @Test
    void a_restitution_naming_no_actual_proposal_is_refused() {
        fixture.given(held(JOINT, null))
                .when(new RecordRestitution(MEETING_ID, Arrays.asList(null, null)))
                .expectException(invalidInput("proposalIds"))
                .expectNoEvents();
    }

    @Test
    void a_meeting_never_held_holds_no_restitution() {
        fixture.givenNoPriorActivity()
                .when(new RecordRestitution(MEETING_ID, List.of(GUIDE_ID)))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
