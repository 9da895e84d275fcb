package fr.gasp.command.proposal;

import fr.gasp.command.cache.AggregateCacheConfiguration;
import fr.gasp.command.common.BusinessDates;
import fr.gasp.command.common.Texts;
import fr.gasp.command.directory.KnownMeeting;
import fr.gasp.command.directory.KnownGroup;
import fr.gasp.command.directory.OrganisationDirectory;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalPresented;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.events.proposal.ProposalWithdrawn;
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
 * A proposal to improve a public service, from the group that raised it to its
 * implementation. Every rule of its life is here: which status allows which action
 * ({@link ProposalStatus}), what each action must say, and that business dates never go
 * backwards nor into the future. Each handler answers the proposal's new version.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER, cache = AggregateCacheConfiguration.PROPOSALS)
public class Proposal {

    /** A target date beyond this is a typing error (and a year 999999999 would break every read model). */
    static final int TARGET_YEARS_MAX = 100;

    @AggregateIdentifier
    private UUID proposalId;
    private UUID gaspId;
    private ProposalStatus status;
    private LocalDate lastBusinessDate;

    protected Proposal() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RaiseProposal command, OrganisationDirectory directory, Clock clock) {
        KnownGroup group = directory.group(command.raisedByGroupId())
                .orElseThrow(() -> new NotFoundException("Le groupe", command.raisedByGroupId()));
        if (!group.kind().raisesProposals()) {
            throw new InvalidInputException("raisedByGroupId",
                    "seul un groupe d'agents ou d'usagers émet des propositions (ce groupe est " + group.kind() + ")");
        }
        KnownMeeting meeting = meeting(command.meetingId(), group.gaspId(), directory);
        if (meeting != null && !group.groupId().equals(meeting.groupId())) {
            throw new InvalidInputException("meetingId", "une proposition est émise à une réunion du groupe qui l'émet");
        }
        return record(new ProposalRaised(command.proposalId(), group.gaspId(), group.groupId(), command.meetingId(),
                Texts.required("title", command.title()), Texts.required("description", command.description()),
                requireThemes(command.themes()), dateOf(command.occurredOn(), meeting, clock)));
    }

    @CommandHandler
    long handle(DiscussProposal command, OrganisationDirectory directory, Clock clock) {
        require(ProposalAction.DISCUSS);
        KnownGroup group = directory.group(command.groupId())
                .orElseThrow(() -> new NotFoundException("Le groupe", command.groupId()));
        if (!group.gaspId().equals(gaspId)) {
            throw new InvalidInputException("groupId", "ce groupe appartient à un autre GASP que la proposition");
        }
        KnownMeeting meeting = meeting(command.meetingId(), gaspId, directory);
        if (meeting != null && !meeting.gathered(group)) {
            throw new InvalidInputException("meetingId",
                    "une discussion a lieu à une réunion du groupe qui discute ou à une rencontre inter-groupes");
        }
        return record(new ProposalDiscussed(proposalId, group.groupId(), command.meetingId(),
                Texts.required("summary", command.summary()), dateOf(command.occurredOn(), meeting, clock)));
    }

    @CommandHandler
    long handle(AmendProposal command, Clock clock) {
        require(ProposalAction.AMEND);
        if (command.title() == null && command.description() == null && command.themes() == null) {
            throw new InvalidInputException("title", "rien à modifier : donner un titre, une description ou des thèmes");
        }
        return record(new ProposalAmended(proposalId,
                command.title() == null ? null : Texts.required("title", command.title()),
                command.description() == null ? null : Texts.required("description", command.description()),
                command.themes() == null ? null : requireThemes(command.themes()),
                dateOf(command.occurredOn(), null, clock)));
    }

    @CommandHandler
    long handle(SubmitProposal command, OrganisationDirectory directory, Clock clock) {
        require(ProposalAction.SUBMIT);
        KnownMeeting meeting = meeting(command.meetingId(), gaspId, directory);
        return record(new ProposalSubmitted(proposalId, command.meetingId(), Texts.optional(command.note()),
                dateOf(command.occurredOn(), meeting, clock)));
    }

    @CommandHandler
    long handle(DecideOnProposal command, OrganisationDirectory directory, Clock clock) {
        require(ProposalAction.DECIDE);
        if (command.outcome() == null) {
            throw new InvalidInputException("outcome", "la décision est obligatoire (VALIDATED, REJECTED ou UNDER_STUDY)");
        }
        String rationale = Texts.optional(command.rationale());
        if (rationale == null && command.outcome().requiresRationale()) {
            throw new InvalidInputException("rationale", "une décision " + command.outcome() + " doit être motivée");
        }
        KnownMeeting meeting = meeting(command.meetingId(), gaspId, directory);
        if (meeting != null && meeting.kind() == MeetingKind.GROUP) {
            throw new InvalidInputException("meetingId",
                    "les référents décident en session de référents ou en rencontre inter-groupes");
        }
        LocalDate date = dateOf(command.occurredOn(), meeting, clock);
        return record(switch (command.outcome()) {
            case VALIDATED -> new ProposalValidated(proposalId, command.meetingId(), rationale, date);
            case REJECTED -> new ProposalRejected(proposalId, command.meetingId(), rationale, date);
            case UNDER_STUDY -> new ProposalPutUnderStudy(proposalId, command.meetingId(), rationale, date);
        });
    }

    @CommandHandler
    long handle(StartImplementation command, Clock clock) {
        require(ProposalAction.START_IMPLEMENTATION);
        LocalDate date = dateOf(command.occurredOn(), null, clock);
        if (command.targetDate() != null && command.targetDate().isBefore(date)) {
            throw new InvalidInputException("targetDate", "l'échéance précède le début de la mise en œuvre");
        }
        if (command.targetDate() != null && command.targetDate().isAfter(date.plusYears(TARGET_YEARS_MAX))) {
            throw new InvalidInputException("targetDate",
                    "l'échéance est au plus " + TARGET_YEARS_MAX + " ans après le début de la mise en œuvre");
        }
        return record(new ImplementationStarted(proposalId, Texts.required("owner", command.owner()),
                command.targetDate(), date));
    }

    @CommandHandler
    long handle(ReportProgress command, Clock clock) {
        require(ProposalAction.REPORT_PROGRESS);
        if (command.percent() < 0 || command.percent() > 100) {
            throw new InvalidInputException("percent", "l'avancement est un pourcentage entre 0 et 100");
        }
        return record(new ImplementationProgressed(proposalId, command.percent(), Texts.optional(command.note()),
                dateOf(command.occurredOn(), null, clock)));
    }

    @CommandHandler
    long handle(CompleteImplementation command, Clock clock) {
        require(ProposalAction.COMPLETE);
        return record(new ImplementationCompleted(proposalId, Texts.required("outcome", command.outcome()),
                dateOf(command.occurredOn(), null, clock)));
    }

    @CommandHandler
    long handle(WithdrawProposal command, Clock clock) {
        require(ProposalAction.WITHDRAW);
        return record(new ProposalWithdrawn(proposalId, Texts.required("reason", command.reason()),
                dateOf(command.occurredOn(), null, clock)));
    }

    /** Presented at a joint meeting: allowed whatever the status, final ones included. */
    @CommandHandler
    long handle(PresentProposal command, OrganisationDirectory directory, Clock clock) {
        KnownMeeting meeting = meeting(command.meetingId(), gaspId, directory);
        if (meeting == null || meeting.kind() != MeetingKind.JOINT) {
            throw new InvalidInputException("meetingId", "une restitution a lieu en rencontre inter-groupes");
        }
        if (lastBusinessDate != null && meeting.occurredOn().isBefore(lastBusinessDate)) {
            throw new InvalidInputException("proposalIds", "la proposition " + proposalId + " a une étape du "
                    + lastBusinessDate + ", après cette rencontre du " + meeting.occurredOn()
                    + " : elle ne peut pas y avoir été présentée");
        }
        return record(new ProposalPresented(proposalId, meeting.meetingId(), dateOf(null, meeting, clock)));
    }

    /** Every step moves the status on (the lifecycle's own table) and the business date forward. */
    @EventSourcingHandler
    void on(ProposalEvent event) {
        if (event instanceof ProposalRaised raised) {
            proposalId = raised.proposalId();
            gaspId = raised.gaspId();
        }
        status = ProposalStatus.after(status, event);
        lastBusinessDate = event.occurredOn();
    }

    private void require(ProposalAction action) {
        if (!status.allows(action)) {
            throw new ForbiddenTransition(status, action);
        }
    }

    private long record(ProposalEvent event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }

    /**
     * The business date of a step: the meeting's date when it happened at one (a different
     * date is refused), never before the proposal's previous step, never in the future.
     */
    private LocalDate dateOf(LocalDate requested, KnownMeeting meeting, Clock clock) {
        LocalDate date = requested;
        if (meeting != null) {
            if (requested != null && !requested.equals(meeting.occurredOn())) {
                throw new InvalidInputException(BusinessDates.FIELD, "la date (" + requested
                        + ") diffère de celle de la réunion (" + meeting.occurredOn() + ")");
            }
            date = meeting.occurredOn();
        }
        return BusinessDates.resolveAfter(date, lastBusinessDate, clock);
    }

    /** The meeting a step names, which must be one of the proposal's GASP; {@code null} if none is named. */
    private static KnownMeeting meeting(UUID meetingId, UUID gaspId, OrganisationDirectory directory) {
        if (meetingId == null) {
            return null;
        }
        KnownMeeting meeting = directory.meeting(meetingId)
                .orElseThrow(() -> new NotFoundException("La réunion", meetingId));
        if (!meeting.gaspId().equals(gaspId)) {
            throw new InvalidInputException("meetingId", "cette réunion appartient à un autre GASP");
        }
        return meeting;
    }

    /** Themes are compared as written, once each, in the order given. */
    private static List<String> requireThemes(List<String> themes) {
        Set<String> distinct = new LinkedHashSet<>();
        if (themes != null) {
            themes.stream().map(Texts::optional).filter(theme -> theme != null).forEach(distinct::add);
        }
        if (distinct.isEmpty()) {
            throw new InvalidInputException("themes", "au moins une thématique");
        }
        return List.copyOf(distinct);
    }
}
