package fr.gasp.events.meeting;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A version of a meeting's minutes (compte rendu). Every version is kept; the last one is current. */
@Revision("1")
public record MinutesRecorded(UUID meetingId, int minutesVersion, String text, LocalDate occurredOn) {
}
