package fr.gasp.query.web;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the pages say things: the French words for statuses, kinds and steps, and dates and
 * numbers written the French way ("1er mars 2013", "67 %", "1 234"). One place, so that a
 * page, the printed report and the PDF never name the same thing differently.
 */
@Component
public class French {

    public static final Locale LOCALE = Locale.FRANCE;

    /** The statuses in the order of a proposal's life, the order tables and charts show them in. */
    public static final List<ProposalStatus> STATUSES = List.of(ProposalStatus.RAISED, ProposalStatus.DISCUSSED,
            ProposalStatus.SUBMITTED, ProposalStatus.UNDER_STUDY, ProposalStatus.VALIDATED,
            ProposalStatus.IN_IMPLEMENTATION, ProposalStatus.IMPLEMENTED, ProposalStatus.REJECTED,
            ProposalStatus.WITHDRAWN);

    private static final Map<ProposalStatus, String> STATUS = Map.of(
            ProposalStatus.RAISED, "Émise",
            ProposalStatus.DISCUSSED, "Discutée",
            ProposalStatus.SUBMITTED, "Soumise aux référents",
            ProposalStatus.UNDER_STUDY, "À l'étude",
            ProposalStatus.VALIDATED, "Validée",
            ProposalStatus.IN_IMPLEMENTATION, "En cours de mise en œuvre",
            ProposalStatus.IMPLEMENTED, "Réalisée",
            ProposalStatus.REJECTED, "Rejetée",
            ProposalStatus.WITHDRAWN, "Retirée");

    /** One colour per status, alike on badges and charts; each reads on white (contrast 4.5:1 or more). */
    private static final Map<ProposalStatus, String> STATUS_COLOUR = Map.of(
            ProposalStatus.RAISED, "#5a6b8c",
            ProposalStatus.DISCUSSED, "#3558a8",
            ProposalStatus.SUBMITTED, "#a35a00",
            ProposalStatus.UNDER_STUDY, "#6a4c93",
            ProposalStatus.VALIDATED, "#1f6f43",
            ProposalStatus.IN_IMPLEMENTATION, "#0f6a78",
            ProposalStatus.IMPLEMENTED, "#14532d",
            ProposalStatus.REJECTED, "#b3261e",
            ProposalStatus.WITHDRAWN, "#5f5f5f");

    private static final Map<String, String> STEP = Map.ofEntries(
            Map.entry("ProposalRaised", "Proposition émise"),
            Map.entry("ProposalDiscussed", "Discutée en réunion"),
            Map.entry("ProposalAmended", "Modifiée"),
            Map.entry("ProposalSubmitted", "Soumise aux référents"),
            Map.entry("ProposalValidated", "Validée par les référents"),
            Map.entry("ProposalRejected", "Rejetée par les référents"),
            Map.entry("ProposalPutUnderStudy", "Mise à l'étude par les référents"),
            Map.entry("ImplementationStarted", "Mise en œuvre engagée"),
            Map.entry("ImplementationProgressed", "Avancement de la mise en œuvre"),
            Map.entry("ImplementationCompleted", "Réalisée"),
            Map.entry("ProposalWithdrawn", "Retirée"),
            Map.entry("ProposalPresented", "Présentée en rencontre inter-groupes"));

    private static final Map<String, String> ROLE = Map.of(
            "SECRETARIAT", "secrétariat",
            "REFERENT", "référent",
            "ELECTED", "élu",
            "AUDITOR", "auditeur",
            "ADMIN", "administrateur");

    private static final Map<String, String> OUTCOME = Map.of(
            "VALIDATED", "Validée",
            "REJECTED", "Rejetée",
            "UNDER_STUDY", "Mise à l'étude");

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH' h 'mm", LOCALE);
    private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd/MM/yyyy", LOCALE);

    private final ZoneId zone;

    public French(Clock clock) {
        this.zone = clock.getZone();
    }

    public List<ProposalStatus> statuses() {
        return STATUSES;
    }

    public String status(ProposalStatus status) {
        return status == null ? "" : STATUS.get(status);
    }

    public String statusColour(ProposalStatus status) {
        return STATUS_COLOUR.get(status);
    }

    /** The CSS class of a status badge: {@code statut-under-study}. */
    public String statusClass(ProposalStatus status) {
        return status == null ? "statut" : "statut statut-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String groupKind(GroupKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case AGENTS -> "Groupe des agents";
            case USERS -> "Groupe des usagers";
            case REFERENTS -> "Référents";
        };
    }

    public String meetingKind(MeetingKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case GROUP -> "Réunion de groupe";
            case REFERENTS_SESSION -> "Séance des référents";
            case JOINT -> "Rencontre inter-groupes";
        };
    }

    /** A meeting named the way the minutes would: its kind, its group and its date. */
    public String meeting(MeetingReference meeting) {
        if (meeting == null) {
            return "";
        }
        String when = " du " + date(meeting.occurredOn());
        return switch (meeting.kind()) {
            case GROUP -> "Réunion du groupe « " + (meeting.groupName() == null ? "?" : meeting.groupName()) + " »" + when;
            case REFERENTS_SESSION -> "Séance des référents" + when;
            case JOINT -> "Rencontre inter-groupes" + when;
        };
    }

    /** A meeting as a line of the cadence table: the body that meets. */
    public String body(String groupName, MeetingKind kind) {
        return kind == MeetingKind.JOINT || groupName == null ? meetingKind(kind) : groupName;
    }

    public String step(String eventType) {
        return STEP.getOrDefault(eventType, eventType);
    }

    public String role(String role) {
        return role == null ? "" : ROLE.getOrDefault(role, role.toLowerCase(Locale.ROOT));
    }

    public String outcome(String outcome) {
        return outcome == null ? "" : OUTCOME.getOrDefault(outcome, outcome);
    }

    /** "5 février 2013", "1er mars 2013". */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        String day = date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return day + " " + MONTH_YEAR.format(date);
    }

    /** "05/02/2013", where a table column needs dates that line up. */
    public String numericDate(LocalDate date) {
        return date == null ? "" : NUMERIC.format(date);
    }

    /** The ISO date, for {@code <time datetime>}. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** When something was recorded, in the territory's time: "5 février 2013 à 14 h 05". */
    public String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return date(local.toLocalDate()) + " à " + TIME.format(local);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(LOCALE).format(value);
    }

    /** A share as a whole percentage, "67 %"; a dash when there is nothing to measure. */
    public String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + "\u00a0%";
    }

    /** A median in days: "45 jours", "12,5 jours"; a dash when there is nothing to measure. */
    public String days(Double days) {
        if (days == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
        format.setMaximumFractionDigits(1);
        return format.format(days) + (days <= 1 ? "\u00a0jour" : "\u00a0jours");
    }

    /** "1 proposition", "3 propositions". */
    public String count(long n, String singular, String plural) {
        return number(n) + "\u00a0" + (n > 1 ? plural : singular);
    }
}
