package fr.gasp.command.meeting;

import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static fr.gasp.command.common.CommandTestSupport.invalidInput;
import static fr.gasp.command.meeting.MeetingFixtures.AGENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.AGENT_ID;
import static fr.gasp.command.meeting.MeetingFixtures.AGENT_OF_ANOTHER_GASP_ID;
import static fr.gasp.command.meeting.MeetingFixtures.FORMER_AGENT_ID;
import static fr.gasp.command.meeting.MeetingFixtures.FUTURE_AGENT_ID;
import static fr.gasp.command.meeting.MeetingFixtures.LEAVING_AGENT_ID;
import static fr.gasp.command.meeting.MeetingFixtures.GASP_ID;
import static fr.gasp.command.meeting.MeetingFixtures.HELD_ON;
import static fr.gasp.command.meeting.MeetingFixtures.MEETING_ID;
import static fr.gasp.command.meeting.MeetingFixtures.OTHER_AGENT_ID;
import static fr.gasp.command.meeting.MeetingFixtures.REFERENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.REFERENT_ID;
import static fr.gasp.command.meeting.MeetingFixtures.UNKNOWN_MEMBER_ID;
import static fr.gasp.command.meeting.MeetingFixtures.USERS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.USER_ID;
import static fr.gasp.command.meeting.MeetingFixtures.meetingFixture;
import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static org.hamcrest.Matchers.containsString;

/**
 * Who came to a meeting: a head count, and the members named as present (by id, never by
 * name). Those named must be members of the meeting's group, or of any group of the GASP for
 * the joint meeting; the head count cannot be negative nor smaller than the members named.
 */
class MeetingAttendanceTest {

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = meetingFixture();
    }

    private static HoldMeeting hold(MeetingKind kind, UUID groupId, Integer attendeeCount, List<UUID> attendeeIds) {
        return new HoldMeeting(MEETING_ID, GASP_ID, kind, groupId, HELD_ON, attendeeCount, attendeeIds);
    }

    private static MeetingHeld held(MeetingKind kind, UUID groupId, Integer attendeeCount, List<UUID> attendeeIds) {
        return new MeetingHeld(MEETING_ID, GASP_ID, kind, groupId, HELD_ON, attendeeCount, attendeeIds);
    }

    @Test
    void members_of_the_group_attend_its_meeting() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 14, List.of(AGENT_ID, OTHER_AGENT_ID)))
                .expectEvents(held(GROUP, AGENTS_ID, 14, List.of(AGENT_ID, OTHER_AGENT_ID)))
                .expectResultMessagePayload(0L);
    }

    @Test
    void members_named_as_present_are_recorded_once_each_in_the_given_order() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 2, Arrays.asList(OTHER_AGENT_ID, null, AGENT_ID, OTHER_AGENT_ID)))
                .expectEvents(held(GROUP, AGENTS_ID, 2, List.of(OTHER_AGENT_ID, AGENT_ID)));
    }

    @Test
    void the_head_count_is_optional() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, null, List.of(AGENT_ID)))
                .expectEvents(held(GROUP, AGENTS_ID, null, List.of(AGENT_ID)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 25})
    void a_head_count_is_recorded_without_naming_anyone(int attendeeCount) {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, USERS_ID, attendeeCount, null))
                .expectEvents(held(GROUP, USERS_ID, attendeeCount, List.of()));
    }

    @Test
    void a_member_of_another_group_is_not_named_at_a_group_meeting() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 10, List.of(AGENT_ID, USER_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectExceptionMessage(containsString(USER_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void the_referents_attend_their_session() {
        fixture.givenNoPriorActivity()
                .when(hold(REFERENTS_SESSION, null, 6, List.of(REFERENT_ID)))
                .expectEvents(held(REFERENTS_SESSION, REFERENTS_ID, 6, List.of(REFERENT_ID)));
    }

    @Test
    void an_agent_is_not_named_at_a_referents_session() {
        fixture.givenNoPriorActivity()
                .when(hold(REFERENTS_SESSION, REFERENTS_ID, 6, List.of(REFERENT_ID, AGENT_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectNoEvents();
    }

    @Test
    void members_of_every_group_of_the_gasp_attend_the_joint_meeting() {
        fixture.givenNoPriorActivity()
                .when(hold(JOINT, null, 40, List.of(AGENT_ID, USER_ID, REFERENT_ID)))
                .expectEvents(held(JOINT, null, 40, List.of(AGENT_ID, USER_ID, REFERENT_ID)));
    }

    @Test
    void a_member_of_another_gasp_is_not_named_at_the_joint_meeting() {
        fixture.givenNoPriorActivity()
                .when(hold(JOINT, null, 40, List.of(AGENT_ID, AGENT_OF_ANOTHER_GASP_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectNoEvents();
    }

    @Test
    void a_member_who_had_left_the_group_is_not_named_as_present() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 5, List.of(AGENT_ID, FORMER_AGENT_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectExceptionMessage(containsString(FORMER_AGENT_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void a_member_who_had_not_joined_yet_is_not_named_as_present() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 5, List.of(FUTURE_AGENT_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectNoEvents();
    }

    @Test
    void a_member_leaving_on_the_day_of_the_meeting_still_attends_it() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 5, List.of(LEAVING_AGENT_ID)))
                .expectEvents(held(GROUP, AGENTS_ID, 5, List.of(LEAVING_AGENT_ID)));
    }

    @Test
    void an_unknown_member_is_not_named_as_present() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, USERS_ID, 5, List.of(USER_ID, UNKNOWN_MEMBER_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectExceptionMessage(containsString(UNKNOWN_MEMBER_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void an_unknown_member_is_not_named_at_the_joint_meeting_either() {
        fixture.givenNoPriorActivity()
                .when(hold(JOINT, null, 40, List.of(UNKNOWN_MEMBER_ID)))
                .expectException(invalidInput("attendeeIds"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -30, Integer.MIN_VALUE})
    void a_negative_head_count_is_refused(int attendeeCount) {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, attendeeCount, null))
                .expectException(invalidInput("attendeeCount"))
                .expectNoEvents();
    }

    /** Found by the fuzz test: any int was taken as a head count. */
    @ParameterizedTest
    @ValueSource(ints = {10_001, 2_000_000_000, Integer.MAX_VALUE})
    void a_head_count_beyond_ten_thousand_is_refused(int attendeeCount) {
        fixture.givenNoPriorActivity()
                .when(hold(JOINT, null, attendeeCount, null))
                .expectException(invalidInput("attendeeCount"))
                .expectNoEvents();
    }

    @Test
    void a_head_count_smaller_than_the_members_named_is_refused() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 1, List.of(AGENT_ID, OTHER_AGENT_ID)))
                .expectException(invalidInput("attendeeCount"))
                .expectNoEvents();
    }

    @Test
    void a_head_count_equal_to_the_members_named_is_accepted() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 2, List.of(AGENT_ID, OTHER_AGENT_ID)))
                .expectEvents(held(GROUP, AGENTS_ID, 2, List.of(AGENT_ID, OTHER_AGENT_ID)));
    }

    @Test
    void a_member_named_twice_is_counted_once_against_the_head_count() {
        fixture.givenNoPriorActivity()
                .when(hold(GROUP, AGENTS_ID, 1, List.of(AGENT_ID, AGENT_ID)))
                .expectEvents(held(GROUP, AGENTS_ID, 1, List.of(AGENT_ID)));
    }
}
