package fr.gasp.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record EraseMemberPersonalData(@TargetAggregateIdentifier UUID groupId, UUID memberId) {
}
