package fr.gasp.command.meeting;

import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.gasp.command.common.CommandTestSupport.invalidInput;
import static fr.gasp.command.meeting.MeetingFixtures.AGENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.FIRST_REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.GASP_ID;
import static fr.gasp.command.meeting.MeetingFixtures.GASP_WITHOUT_REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.GASP_WITH_TWO_REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.HELD_ON;
import static fr.gasp.command.meeting.MeetingFixtures.MEETING_ID;
import static fr.gasp.command.meeting.MeetingFixtures.OTHER_GASP_AGENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.SECOND_REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.TODAY;
import static fr.gasp.command.meeting.MeetingFixtures.TOMORROW;
import static fr.gasp.command.meeting.MeetingFixtures.UNKNOWN_GASP_ID;
import static fr.gasp.command.meeting.MeetingFixtures.UNKNOWN_GROUP_ID;
import static fr.gasp.command.meeting.MeetingFixtures.USERS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.meetingFixture;
import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static org.hamcrest.Matchers.containsString;

/**
 * domain.md: "a GROUP meeting belongs to one group; a REFERENTS_SESSION is a meeting of the
 * GASP's referents group; a JOINT meeting gathers all groups." The three groups meet
 * separately; the referents meet in session; once a year all groups meet together.
 */
class MeetingHoldingTest {

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = meetingFixture();
    }

    private static HoldMeeting hold(UUID gaspId, MeetingKind kind, UUID groupId) {
        return new HoldMeeting(MEETING_ID, gaspId, kind, groupId, HELD_ON, null, null);
    }

    private static MeetingHeld heldBy(UUID gaspId, MeetingKind kind, UUID groupId) {
        return new MeetingHeld(MEETING_ID, gaspId, kind, groupId, HELD_ON, null, List.of());
    }

    // --- group meetings

    @Test
    void the_agents_group_holds_its_meeting() {
        fixture.givenNoPriorActivity()
                .when(new HoldMeeting(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, HELD_ON, 14, null))
                .expectEvents(new MeetingHeld(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, HELD_ON, 14, List.of()))
                .expectResultMessagePayload(0L);
    }

    @Test
    void the_users_group_holds_its_meeting() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, GROUP, USERS_ID))
                .expectEvents(heldBy(GASP_ID, GROUP, USERS_ID));
    }

    @Test
    void a_group_meeting_needs_its_group() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, GROUP, null))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @Test
    void the_referents_do_not_hold_a_group_meeting_but_a_session() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, GROUP, REFERENTS_ID))
                .expectException(invalidInput("kind"))
                .expectNoEvents();
    }

    @Test
    void a_group_of_another_gasp_does_not_meet_in_this_gasp() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, GROUP, OTHER_GASP_AGENTS_ID))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = MeetingKind.class, names = {"GROUP", "REFERENTS_SESSION"})
    void a_meeting_of_an_unknown_group_is_not_found(MeetingKind kind) {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, kind, UNKNOWN_GROUP_ID))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString(UNKNOWN_GROUP_ID.toString()))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(MeetingKind.class)
    void a_meeting_of_an_unknown_gasp_is_not_found(MeetingKind kind) {
        fixture.givenNoPriorActivity()
                .when(hold(UNKNOWN_GASP_ID, kind, kind == JOINT ? null : AGENTS_ID))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString(UNKNOWN_GASP_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void a_meeting_needs_a_kind() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, null, AGENTS_ID))
                .expectException(invalidInput("kind"))
                .expectNoEvents();
    }

    // --- referents' sessions

    @Test
    void a_referents_session_is_a_meeting_of_the_gasp_s_referents_group_found_when_not_named() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, REFERENTS_SESSION, null))
                .expectEvents(heldBy(GASP_ID, REFERENTS_SESSION, REFERENTS_ID))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_referents_session_may_name_the_referents_group() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, REFERENTS_SESSION, REFERENTS_ID))
                .expectEvents(heldBy(GASP_ID, REFERENTS_SESSION, REFERENTS_ID));
    }

    @Test
    void a_gasp_without_a_referents_group_holds_no_referents_session() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_WITHOUT_REFERENTS_ID, REFERENTS_SESSION, null))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @Test
    void a_gasp_with_several_referents_groups_must_say_whose_session_it_is() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_WITH_TWO_REFERENTS_ID, REFERENTS_SESSION, null))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @Test
    void a_gasp_with_several_referents_groups_holds_the_session_of_the_one_named() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_WITH_TWO_REFERENTS_ID, REFERENTS_SESSION, SECOND_REFERENTS_ID))
                .expectEvents(heldBy(GASP_WITH_TWO_REFERENTS_ID, REFERENTS_SESSION, SECOND_REFERENTS_ID));
    }

    static Stream<UUID> agentsAndUsers() {
        return Stream.of(AGENTS_ID, USERS_ID);
    }

    @ParameterizedTest
    @MethodSource("agentsAndUsers")
    void a_referents_session_is_not_a_meeting_of_the_agents_or_the_users(UUID groupId) {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, REFERENTS_SESSION, groupId))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @Test
    void a_referents_session_is_not_a_meeting_of_the_referents_of_another_gasp() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, REFERENTS_SESSION, FIRST_REFERENTS_ID))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    // --- the joint meeting

    @Test
    void the_joint_meeting_gathers_all_groups_and_belongs_to_none() {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, JOINT, null))
                .expectEvents(heldBy(GASP_ID, JOINT, null))
                .expectResultMessagePayload(0L);
    }

    static Stream<UUID> everyGroup() {
        return Stream.of(AGENTS_ID, USERS_ID, REFERENTS_ID);
    }

    @ParameterizedTest
    @MethodSource("everyGroup")
    void a_joint_meeting_names_no_group(UUID groupId) {
        fixture.givenNoPriorActivity()
                .when(hold(GASP_ID, JOINT, groupId))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    // --- dates

    @Test
    void a_meeting_held_without_a_date_is_held_today_in_the_territory() {
        fixture.givenNoPriorActivity()
                .when(new HoldMeeting(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, null, null, null))
                .expectEvents(new MeetingHeld(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, TODAY, null, List.of()));
    }

    @Test
    void the_first_meeting_of_june_2000_is_recorded_as_history() {
        LocalDate firstMeeting = LocalDate.of(2000, 6, 20);
        fixture.givenNoPriorActivity()
                .when(new HoldMeeting(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, firstMeeting, 9, null))
                .expectEvents(new MeetingHeld(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, firstMeeting, 9, List.of()));
    }

    @Test
    void a_meeting_cannot_be_held_tomorrow() {
        fixture.givenNoPriorActivity()
                .when(new HoldMeeting(MEETING_ID, GASP_ID, GROUP, AGENTS_ID, TOMORROW, null, null))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }
}
