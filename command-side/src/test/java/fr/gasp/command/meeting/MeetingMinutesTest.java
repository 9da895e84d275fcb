package fr.gasp.command.meeting;

import fr.gasp.events.meeting.MinutesRecorded;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static fr.gasp.command.common.CommandTestSupport.invalidInput;
import static fr.gasp.command.meeting.MeetingFixtures.AGENTS_ID;
import static fr.gasp.command.meeting.MeetingFixtures.HELD_ON;
import static fr.gasp.command.meeting.MeetingFixtures.MEETING_ID;
import static fr.gasp.command.meeting.MeetingFixtures.TODAY;
import static fr.gasp.command.meeting.MeetingFixtures.TOMORROW;
import static fr.gasp.command.meeting.MeetingFixtures.held;
import static fr.gasp.command.meeting.MeetingFixtures.meetingFixture;
import static fr.gasp.events.meeting.MeetingKind.GROUP;

/**
 * The sociologist and the secretary write the minutes (compte rendu) at the end of every
 * meeting; api.md: "each call is a new version; all kept".
 */
class MeetingMinutesTest {

    private static final String MINUTES = "Thématique retenue : la connaissance entre services. "
            + "Proposition d'un guide des services publics.";
    private static final String CORRECTED = MINUTES + " Correction : la PMI était représentée.";

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = meetingFixture();
    }

    @Test
    void the_first_minutes_of_a_meeting_are_version_1() {
        fixture.given(held(GROUP, AGENTS_ID))
                .when(new RecordMinutes(MEETING_ID, MINUTES, HELD_ON))
                .expectEvents(new MinutesRecorded(MEETING_ID, 1, MINUTES, HELD_ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void each_new_minutes_is_the_next_version() {
        fixture.given(held(GROUP, AGENTS_ID))
                .andGivenCommands(new RecordMinutes(MEETING_ID, MINUTES, HELD_ON),
                        new RecordMinutes(MEETING_ID, CORRECTED, HELD_ON.plusDays(1)))
                .when(new RecordMinutes(MEETING_ID, CORRECTED + " Relu.", HELD_ON.plusDays(2)))
                .expectEvents(new MinutesRecorded(MEETING_ID, 3, CORRECTED + " Relu.", HELD_ON.plusDays(2)))
                .expectResultMessagePayload(3L);
    }

    @Test
    void the_version_follows_the_versions_already_recorded() {
        fixture.given(held(GROUP, AGENTS_ID), new MinutesRecorded(MEETING_ID, 1, MINUTES, HELD_ON))
                .when(new RecordMinutes(MEETING_ID, CORRECTED, HELD_ON))
                .expectEvents(new MinutesRecorded(MEETING_ID, 2, CORRECTED, HELD_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_text_is_recorded_without_surrounding_blanks() {
        fixture.given(held(GROUP, AGENTS_ID))
                .when(new RecordMinutes(MEETING_ID, "\n  " + MINUTES + "  ", HELD_ON))
                .expectEvents(new MinutesRecorded(MEETING_ID, 1, MINUTES, HELD_ON));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void minutes_need_a_text(String text) {
        fixture.given(held(GROUP, AGENTS_ID))
                .when(new RecordMinutes(MEETING_ID, text, HELD_ON))
                .expectException(invalidInput("text"))
                .expectNoEvents();
    }

    @Test
    void minutes_written_without_a_date_are_dated_today() {
        fixture.given(held(GROUP, AGENTS_ID))
                .when(new RecordMinutes(MEETING_ID, MINUTES, null))
                .expectEvents(new MinutesRecorded(MEETING_ID, 1, MINUTES, TODAY));
    }

    @Test
    void minutes_cannot_be_dated_before_the_meeting() {
        fixture.given(held(GROUP, AGENTS_ID))
                .when(new RecordMinutes(MEETING_ID, MINUTES, HELD_ON.minusDays(1)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void minutes_cannot_be_dated_tomorrow() {
        fixture.given(held(GROUP, AGENTS_ID))
                .when(new RecordMinutes(MEETING_ID, MINUTES, TOMORROW))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void minutes_of_a_meeting_never_held_are_not_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordMinutes(MEETING_ID, MINUTES, LocalDate.of(2002, 5, 16)))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
