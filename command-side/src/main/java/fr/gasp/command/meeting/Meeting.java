package fr.gasp.command.meeting;

import fr.gasp.command.cache.AggregateCacheConfiguration;
import fr.gasp.command.common.BusinessDates;
import fr.gasp.command.common.Texts;
import fr.gasp.command.directory.KnownGroup;
import fr.gasp.command.directory.OrganisationDirectory;
import fr.gasp.command.organisation.MemberRegistry;
import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.meeting.MinutesRecorded;
import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.platform.problem.ConflictException;
import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.command.snapshot.SnapshotConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A meeting of a GASP: of one group, a referents' session, or the yearly joint meeting.
 * It keeps its minutes (every version) and, for a joint meeting, the restitution.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER, cache = AggregateCacheConfiguration.MEETINGS)
public class Meeting {

    static final int ATTENDEE_COUNT_MAX = 10_000;

    @AggregateIdentifier
    private UUID meetingId;
    private MeetingKind kind;
    private LocalDate occurredOn;
    private int minutesVersions;

    protected Meeting() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(HoldMeeting command, OrganisationDirectory directory, MemberRegistry members, Clock clock) {
        if (command.kind() == null) {
            throw new InvalidInputException("kind", "le type de réunion est obligatoire (GROUP, REFERENTS_SESSION, JOINT)");
        }
        if (!directory.gaspExists(command.gaspId())) {
            throw new NotFoundException("Le GASP", command.gaspId());
        }
        if (command.attendeeCount() != null && command.attendeeCount() < 0) {
            throw new InvalidInputException("attendeeCount", "ne peut pas être négatif");
        }
        if (command.attendeeCount() != null && command.attendeeCount() > ATTENDEE_COUNT_MAX) {
            throw new InvalidInputException("attendeeCount", "au plus " + ATTENDEE_COUNT_MAX);
        }
        UUID groupId = meetingGroup(command, directory);
        LocalDate date = BusinessDates.resolve(command.occurredOn(), clock);
        List<UUID> attendees = attendees(command, groupId, date, directory, members);
        if (command.attendeeCount() != null && command.attendeeCount() < attendees.size()) {
            throw new InvalidInputException("attendeeCount", "moins de participants que de membres présents nommés");
        }
        apply(new MeetingHeld(command.meetingId(), command.gaspId(), command.kind(), groupId, date,
                command.attendeeCount(), attendees));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordMinutes command, Clock clock) {
        apply(new MinutesRecorded(meetingId, minutesVersions + 1, Texts.required("text", command.text()),
                BusinessDates.resolveAfter(command.occurredOn(), occurredOn, clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordRestitution command) {
        if (kind != MeetingKind.JOINT) {
            throw new ConflictException("La restitution se fait en rencontre inter-groupes (JOINT) ; "
                    + "cette réunion est de type " + kind + ".");
        }
        Set<UUID> proposals = new LinkedHashSet<>(command.proposalIds() == null ? List.of() : command.proposalIds());
        proposals.remove(null);
        if (proposals.isEmpty()) {
            throw new InvalidInputException("proposalIds", "au moins une proposition présentée");
        }
        apply(new RestitutionHeld(meetingId, List.copyOf(proposals), occurredOn));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        meetingId = event.meetingId();
        kind = event.kind();
        occurredOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(MinutesRecorded event) {
        minutesVersions = event.minutesVersion();
    }

    /**
     * A group meeting belongs to an agents' or users' group; a referents' session to the GASP's
     * referents group (found when there is just one); a joint meeting to no single group.
     */
    private static UUID meetingGroup(HoldMeeting command, OrganisationDirectory directory) {
        if (command.kind() == MeetingKind.JOINT) {
            if (command.groupId() != null) {
                throw new InvalidInputException("groupId", "une rencontre inter-groupes réunit tous les groupes : pas de groupId");
            }
            return null;
        }
        if (command.groupId() == null) {
            if (command.kind() == MeetingKind.GROUP) {
                throw new InvalidInputException("groupId", "obligatoire pour une réunion de groupe");
            }
            List<KnownGroup> referents = directory.groupsOf(command.gaspId()).stream()
                    .filter(group -> group.kind() == GroupKind.REFERENTS).toList();
            if (referents.size() != 1) {
                throw new InvalidInputException("groupId", referents.isEmpty()
                        ? "ce GASP n'a pas de groupe de référents"
                        : "ce GASP a plusieurs groupes de référents : préciser groupId");
            }
            return referents.get(0).groupId();
        }
        KnownGroup group = directory.group(command.groupId())
                .orElseThrow(() -> new NotFoundException("Le groupe", command.groupId()));
        if (!group.gaspId().equals(command.gaspId())) {
            throw new InvalidInputException("groupId", "ce groupe appartient à un autre GASP");
        }
        boolean referentsGroup = group.kind() == GroupKind.REFERENTS;
        if (command.kind() == MeetingKind.GROUP && referentsGroup) {
            throw new InvalidInputException("kind", "les référents se réunissent en session (REFERENTS_SESSION)");
        }
        if (command.kind() == MeetingKind.REFERENTS_SESSION && !referentsGroup) {
            throw new InvalidInputException("groupId", "une session de référents est une réunion du groupe des référents");
        }
        return group.groupId();
    }

    /**
     * Members named as present must have belonged, on the meeting's day, to the meeting's
     * group, or to any group of the GASP for a joint meeting.
     */
    private static List<UUID> attendees(HoldMeeting command, UUID groupId, LocalDate date,
                                        OrganisationDirectory directory, MemberRegistry members) {
        Set<UUID> attendees = new LinkedHashSet<>(command.attendeeIds() == null ? List.of() : command.attendeeIds());
        attendees.remove(null);
        for (UUID memberId : attendees) {
            MemberRegistry.Membership membership = members.membership(memberId)
                    .orElseThrow(() -> new InvalidInputException("attendeeIds", "membre inconnu : " + memberId));
            boolean belongs = groupId != null ? groupId.equals(membership.groupId())
                    : directory.group(membership.groupId())
                    .map(group -> group.gaspId().equals(command.gaspId())).orElse(false);
            if (!belongs) {
                throw new InvalidInputException("attendeeIds", "le membre " + memberId + " n'appartient pas "
                        + (groupId != null ? "au groupe de la réunion" : "à ce GASP"));
            }
            if (!membership.memberOn(date)) {
                throw new InvalidInputException("attendeeIds", "le membre " + memberId
                        + " ne faisait pas partie du groupe le " + date);
            }
        }
        return List.copyOf(attendees);
    }
}
