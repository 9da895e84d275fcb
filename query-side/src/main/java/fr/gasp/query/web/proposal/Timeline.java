package fr.gasp.query.web.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.Discussion;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.web.French;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A proposal's life as people read it: one step per recorded event, oldest first, with its
 * business date, what happened in French, the meeting, who recorded it, and the texts written
 * at the time (summary, rationale, outcome…).
 */
public final class Timeline {

    private Timeline() {
    }

    public record Step(long version, String type, String label, String kind, LocalDate occurredOn, String meeting,
                       String group, String actor, String role, Instant recordedAt, List<Text> texts) {
    }

    /** A text of the step, under the label the page shows it with. */
    public record Text(String label, String value) {
    }

    public static List<Step> of(Detail proposal, List<HistoryEntry> history, French french) {
        Map<Long, Discussion> discussions = proposal.discussions().stream()
                .collect(Collectors.toMap(Discussion::version, Function.identity()));
        return history.stream()
                .map(entry -> step(entry, proposal, discussions, french))
                .toList();
    }

    private static Step step(HistoryEntry entry, Detail proposal, Map<Long, Discussion> discussions, French french) {
        JsonNode data = entry.data();
        List<Text> texts = new ArrayList<>();
        String group = null;
        switch (entry.type()) {
            case "ProposalRaised" -> {
                group = proposal.raisedBy().groupName();
                add(texts, "Titre", text(data, "title"));
                add(texts, "Thématiques", list(data, "themes"));
            }
            case "ProposalDiscussed" -> {
                Discussion discussion = discussions.get(entry.version());
                group = discussion == null ? null : discussion.groupName();
                add(texts, "Synthèse des échanges", text(data, "summary"));
            }
            case "ProposalAmended" -> {
                add(texts, "Nouveau titre", text(data, "title"));
                add(texts, "Nouvelle description", text(data, "description"));
                add(texts, "Nouvelles thématiques", list(data, "themes"));
            }
            case "ProposalSubmitted" -> add(texts, "Note", text(data, "note"));
            case "ProposalValidated", "ProposalRejected", "ProposalPutUnderStudy" ->
                    add(texts, "Motif", text(data, "rationale"));
            case "ImplementationStarted" -> {
                add(texts, "Porteur", text(data, "owner"));
                String target = text(data, "targetDate");
                add(texts, "Échéance prévue", target == null ? null : french.date(LocalDate.parse(target)));
            }
            case "ImplementationProgressed" -> {
                add(texts, "Avancement", data.hasNonNull("percent") ? data.get("percent").asInt() + "\u00a0%" : null);
                add(texts, "Note", text(data, "note"));
            }
            case "ImplementationCompleted" -> add(texts, "Résultat", text(data, "outcome"));
            case "ProposalWithdrawn" -> add(texts, "Raison", text(data, "reason"));
            default -> {
            }
        }
        String meeting = entry.meeting() != null ? french.meeting(entry.meeting())
                : entry.meetingId() != null ? "Réunion non retrouvée" : null;
        return new Step(entry.version(), entry.type(), french.step(entry.type()), kind(entry.type()),
                entry.occurredOn(), meeting, group, entry.actor(), french.role(entry.role()), entry.recordedAt(),
                List.copyOf(texts));
    }

    /** The family of a step, which gives its marker on the timeline. */
    private static String kind(String type) {
        return switch (type) {
            case "ProposalValidated", "ImplementationCompleted" -> "positive";
            case "ProposalRejected", "ProposalWithdrawn" -> "negative";
            case "ProposalPutUnderStudy", "ProposalSubmitted" -> "attente";
            default -> "neutre";
        };
    }

    private static void add(List<Text> texts, String label, String value) {
        if (value != null && !value.isBlank()) {
            texts.add(new Text(label, value));
        }
    }

    private static String text(JsonNode data, String field) {
        return data != null && data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    private static String list(JsonNode data, String field) {
        if (data == null || !data.hasNonNull(field) || !data.get(field).isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        data.get(field).forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }
}
