package fr.gasp.query.audit;

import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.meeting.MinutesRecorded;
import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.organisation.MemberJoined;
import fr.gasp.events.organisation.MemberLeft;
import fr.gasp.events.organisation.MemberPersonalDataErased;
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
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.events.proposal.ProposalWithdrawn;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One readable French sentence per event. It names GASPs, groups, proposals and meetings as
 * the audit learnt them from earlier events ({@link AuditSubjects}); members only by their
 * id, and never free texts that might name someone (rationales, minutes, notes).
 */
@Component
class AuditSummaries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AuditSubjects subjects;

    AuditSummaries(AuditSubjects subjects) {
        this.subjects = subjects;
    }

    /** The event's summary, with the names known before it; then what it teaches about names. */
    String summarize(Object event) {
        String summary = describe(event);
        learn(event);
        return summary;
    }

    private String describe(Object event) {
        if (event instanceof ProposalEvent step) {
            return describe(step);
        }
        if (event instanceof GaspCreated created) {
            return "GASP " + quoted(created.name()) + " créé (communes : " + String.join(", ", created.communes())
                    + ")";
        }
        if (event instanceof GaspCadenceSet set) {
            Cadence cadence = set.cadence();
            return "Cadence du " + gasp(set.gaspId()) + " fixée par an : "
                    + count(cadence.agentsMeetings(), "réunion", "réunions") + " du groupe des agents, "
                    + count(cadence.usersMeetings(), "réunion", "réunions") + " du groupe des usagers, "
                    + count(cadence.referentsSessions(), "session", "sessions") + " des référents, "
                    + count(cadence.jointMeetings(), "rencontre inter-groupes", "rencontres inter-groupes");
        }
        if (event instanceof GroupCreated created) {
            return "Groupe " + quoted(created.name()) + " (" + kind(created.kind()) + ") créé dans le "
                    + gasp(created.gaspId());
        }
        if (event instanceof MemberJoined joined) {
            List<String> details = new ArrayList<>();
            if (joined.institution() != null) {
                details.add("institution : " + joined.institution());
            }
            if (joined.role() != null) {
                details.add("rôle : " + joined.role());
            }
            return "Membre " + joined.memberId() + " ajouté au " + group(joined.groupId())
                    + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
        }
        if (event instanceof MemberLeft left) {
            return "Membre " + left.memberId() + " parti du " + group(left.groupId());
        }
        if (event instanceof MemberPersonalDataErased erased) {
            return "Nom du membre " + erased.memberId() + " (" + group(erased.groupId())
                    + ") effacé du registre des membres";
        }
        if (event instanceof MeetingHeld held) {
            return capitalized(meetingPhrase(held)) + " tenue"
                    + (held.attendeeCount() == null ? ""
                    : " (" + count(held.attendeeCount(), "participant", "participants") + ")");
        }
        if (event instanceof MinutesRecorded minutes) {
            return "Compte rendu (version " + minutes.minutesVersion() + ") de la " + meeting(minutes.meetingId())
                    + " enregistré";
        }
        if (event instanceof RestitutionHeld restitution) {
            return "Restitution de " + count(restitution.proposalIds().size(), "proposition", "propositions")
                    + " à la " + meeting(restitution.meetingId());
        }
        return "Événement " + StoredEvent.simpleName(event.getClass().getName()) + " enregistré";
    }

    private String describe(ProposalEvent step) {
        String proposal = "Proposition " + proposal(step.proposalId());
        String atMeeting = step.meetingId() == null ? "" : " en " + meeting(step.meetingId());
        if (step instanceof ProposalRaised raised) {
            return "Proposition " + quoted(raised.title()) + " émise par le " + group(raised.raisedByGroupId())
                    + atMeeting;
        }
        if (step instanceof ProposalDiscussed discussed) {
            return proposal + " discutée par le " + group(discussed.groupId()) + atMeeting;
        }
        if (step instanceof ProposalAmended amended) {
            List<String> changes = new ArrayList<>();
            if (amended.title() != null) {
                changes.add("nouveau titre " + quoted(amended.title()));
            }
            if (amended.description() != null) {
                changes.add("description");
            }
            if (amended.themes() != null) {
                changes.add("thématiques (" + String.join(", ", amended.themes()) + ")");
            }
            return proposal + " modifiée" + (changes.isEmpty() ? "" : " : " + String.join(", ", changes));
        }
        if (step instanceof ProposalSubmitted) {
            return proposal + " soumise aux référents" + atMeeting;
        }
        if (step instanceof ProposalValidated) {
            return proposal + " validée" + atMeeting;
        }
        if (step instanceof ProposalRejected) {
            return proposal + " rejetée" + atMeeting;
        }
        if (step instanceof ProposalPutUnderStudy) {
            return proposal + " mise à l'étude" + atMeeting;
        }
        if (step instanceof ImplementationStarted started) {
            return "Mise en œuvre de la proposition " + proposal(step.proposalId()) + " engagée par "
                    + started.owner() + (started.targetDate() == null ? "" : ", échéance " + day(started.targetDate()));
        }
        if (step instanceof ImplementationProgressed progressed) {
            return "Mise en œuvre de la proposition " + proposal(step.proposalId()) + " avancée à "
                    + progressed.percent() + " %";
        }
        if (step instanceof ImplementationCompleted) {
            return proposal + " mise en œuvre";
        }
        if (step instanceof ProposalWithdrawn) {
            return proposal + " retirée";
        }
        if (step instanceof ProposalPresented) {
            return proposal + " présentée" + atMeeting;
        }
        return proposal + " : événement " + StoredEvent.simpleName(step.getClass().getName()) + " enregistré";
    }

    private void learn(Object event) {
        if (event instanceof GaspCreated created) {
            subjects.name(created.gaspId(), created.name());
        } else if (event instanceof GroupCreated created) {
            subjects.name(created.groupId(), created.name());
        } else if (event instanceof ProposalRaised raised) {
            subjects.name(raised.proposalId(), raised.title());
        } else if (event instanceof ProposalAmended amended && amended.title() != null) {
            subjects.name(amended.proposalId(), amended.title());
        } else if (event instanceof MeetingHeld held) {
            subjects.name(held.meetingId(), meetingPhrase(held));
        }
    }

    private String meetingPhrase(MeetingHeld held) {
        String on = " du " + day(held.occurredOn());
        if (held.kind() == MeetingKind.REFERENTS_SESSION) {
            return "session des référents" + on;
        }
        if (held.kind() == MeetingKind.JOINT) {
            return "rencontre inter-groupes" + on;
        }
        return "réunion du " + group(held.groupId()) + on;
    }

    private String gasp(UUID id) {
        return "GASP " + subjects.label(id).map(AuditSummaries::quoted).orElse(String.valueOf(id));
    }

    private String group(UUID id) {
        return "groupe " + subjects.label(id).map(AuditSummaries::quoted).orElse(String.valueOf(id));
    }

    private String proposal(UUID id) {
        return subjects.label(id).map(AuditSummaries::quoted).orElse(String.valueOf(id));
    }

    private String meeting(UUID id) {
        return subjects.label(id).orElse("réunion " + id);
    }

    private static String kind(GroupKind kind) {
        return switch (kind) {
            case AGENTS -> "agents";
            case USERS -> "usagers";
            case REFERENTS -> "référents";
        };
    }

    private static String quoted(String text) {
        return "« " + text + " »";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 || n == 0 ? one : many);
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String capitalized(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
