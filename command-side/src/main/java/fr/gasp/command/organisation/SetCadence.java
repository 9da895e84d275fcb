package fr.gasp.command.organisation;

import fr.gasp.events.organisation.Cadence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record SetCadence(@TargetAggregateIdentifier UUID gaspId, Cadence cadence, LocalDate occurredOn) {
}
