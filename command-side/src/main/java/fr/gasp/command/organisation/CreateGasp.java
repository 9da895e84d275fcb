package fr.gasp.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CreateGasp(@TargetAggregateIdentifier UUID gaspId, String name, List<String> communes,
                         LocalDate occurredOn) {
}
