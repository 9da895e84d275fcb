package fr.gasp.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
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
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.proposal.ProposalViews.Implementation;
import fr.gasp.query.proposal.ProposalViews.Withdrawal;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A proposal as it stood on a business date, rebuilt from its events: its steps up to that
 * date are a prefix of its history (business dates never go backwards), so the state is
 * exact, not a guess. Lists that carry versions (discussions, decisions, presentations)
 * are cut at the last version of the prefix.
 */
@Component
public class ProposalAsOf {

    private static final Map<String, Class<? extends ProposalEvent>> EVENT_TYPES = Stream.of(
                    ProposalRaised.class, ProposalDiscussed.class, ProposalAmended.class, ProposalSubmitted.class,
                    ProposalValidated.class, ProposalRejected.class, ProposalPutUnderStudy.class,
                    ImplementationStarted.class, ImplementationProgressed.class, ImplementationCompleted.class,
                    ProposalWithdrawn.class, ProposalPresented.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json;

    public ProposalAsOf(ObjectMapper json) {
        this.json = json;
    }

    /** Empty when the proposal had not been raised yet on that date. */
    public Optional<Detail> of(Detail current, List<HistoryEntry> history, LocalDate asOf) {
        List<HistoryEntry> prefix = history.stream().filter(entry -> !entry.occurredOn().isAfter(asOf)).toList();
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        long version = prefix.get(prefix.size() - 1).version();
        State state = new State();
        prefix.forEach(entry -> state.apply(event(entry)));
        return Optional.of(new Detail(current.id(), current.gaspId(), state.title, state.description, state.themes,
                state.status, state.status.allowedActions(), current.raisedBy(), current.raisedAtMeetingId(),
                current.raisedAt(), current.raisedOn(), state.submittedOn, prefix.get(prefix.size() - 1).occurredOn(),
                version,
                current.discussions().stream().filter(d -> d.version() <= version).toList(),
                current.decisions().stream().filter(d -> d.version() <= version).toList(),
                current.presentations().stream().filter(p -> p.version() <= version).toList(),
                state.implementation(), state.withdrawal()));
    }

    private ProposalEvent event(HistoryEntry entry) {
        Class<? extends ProposalEvent> type = EVENT_TYPES.get(entry.type());
        if (type == null) {
            throw new IllegalStateException("Unknown proposal event type in history: " + entry.type());
        }
        try {
            return json.treeToValue(entry.data(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields a fold changes, in the order the events change them. */
    private static final class State {
        private ProposalStatus status;
        private String title;
        private String description;
        private List<String> themes;
        private LocalDate submittedOn;
        private String owner;
        private LocalDate targetDate;
        private LocalDate startedOn;
        private Integer percent;
        private String lastNote;
        private LocalDate completedOn;
        private String outcome;
        private Withdrawal withdrawal;

        void apply(ProposalEvent event) {
            status = ProposalStatus.after(status, event);
            if (event instanceof ProposalRaised raised) {
                title = raised.title();
                description = raised.description();
                themes = raised.themes();
            } else if (event instanceof ProposalAmended amended) {
                title = amended.title() != null ? amended.title() : title;
                description = amended.description() != null ? amended.description() : description;
                themes = amended.themes() != null ? amended.themes() : themes;
            } else if (event instanceof ProposalSubmitted submitted) {
                submittedOn = submitted.occurredOn();
            } else if (event instanceof ImplementationStarted started) {
                owner = started.owner();
                targetDate = started.targetDate();
                startedOn = started.occurredOn();
                percent = 0;
            } else if (event instanceof ImplementationProgressed progressed) {
                percent = progressed.percent();
                lastNote = progressed.note();
            } else if (event instanceof ImplementationCompleted completed) {
                percent = 100;
                completedOn = completed.occurredOn();
                outcome = completed.outcome();
            } else if (event instanceof ProposalWithdrawn withdrawn) {
                withdrawal = new Withdrawal(withdrawn.reason(), withdrawn.occurredOn());
            }
        }

        Implementation implementation() {
            return startedOn == null && completedOn == null ? null
                    : new Implementation(owner, targetDate, startedOn, percent, lastNote, completedOn, outcome);
        }

        Withdrawal withdrawal() {
            return withdrawal;
        }
    }
}
