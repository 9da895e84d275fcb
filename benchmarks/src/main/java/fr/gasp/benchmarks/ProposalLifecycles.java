package fr.gasp.benchmarks;

import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.events.proposal.ProposalWithdrawn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The lives of many proposals of one GASP, as the command side would have recorded them:
 * only the transitions {@link fr.gasp.events.proposal.ProposalStatus} allows, business dates
 * that never go back, steps taken at the groups' real meetings (raised and discussed at a
 * group meeting, decided at a referents' session) when one follows. A fixed seed gives the
 * same store every run. The mix of paths averages about ten events a proposal.
 */
final class ProposalLifecycles {

    /** A meeting set up through the API; {@code groupId} is null for a joint meeting. */
    record Meeting(UUID id, UUID groupId, LocalDate date) {
    }

    /** The GASP the proposals belong to, as set up through the API. */
    record Territory(UUID gaspId, List<UUID> raisingGroups, UUID referentsGroup, List<Meeting> meetings,
                     LocalDate firstDay, LocalDate lastDay) {
    }

    /** One event to store: the proposal's next sequence number, and who did it. */
    record Step(UUID proposalId, long sequence, ProposalEvent event, String actor, String role) {
    }

    private static final List<String> THEMES = List.of("accueil", "horaires", "transports", "santé", "emploi",
            "logement", "insécurité", "vie du quartier", "numérique", "connaissance des services", "jeunesse",
            "seniors");

    private final Territory territory;
    private final Random random;
    private final List<Meeting> sessions;
    private final List<List<Meeting>> meetingsOfRaisingGroups = new ArrayList<>();

    ProposalLifecycles(Territory territory, long seed) {
        this.territory = territory;
        this.random = new Random(seed);
        this.sessions = byDate(territory.meetings().stream()
                .filter(meeting -> territory.referentsGroup().equals(meeting.groupId())).toList());
        for (UUID group : territory.raisingGroups()) {
            meetingsOfRaisingGroups.add(byDate(territory.meetings().stream()
                    .filter(meeting -> group.equals(meeting.groupId())).toList()));
        }
    }

    /** The next proposal's whole life, oldest event first. */
    List<Step> next() {
        return new Life().live();
    }

    private final class Life {
        private final UUID id = randomId();
        private final List<Step> steps = new ArrayList<>();
        private LocalDate date;

        List<Step> live() {
            int groupIndex = random.nextInt(territory.raisingGroups().size());
            UUID group = territory.raisingGroups().get(groupIndex);
            long span = territory.lastDay().toEpochDay() - territory.firstDay().toEpochDay();
            date = territory.firstDay().plusDays((long) (random.nextDouble() * span * 0.9));
            Meeting raisedAt = at(meetingsOfRaisingGroups.get(groupIndex));
            List<String> themes = random.nextInt(3) == 0
                    ? List.of(theme(), theme()).stream().distinct().toList() : List.of(theme());
            String title = "Proposition " + id.toString().substring(0, 8);
            secretariat(new ProposalRaised(id, territory.gaspId(), group, meetingId(raisedAt), title,
                    "Ce que le groupe a constaté et ce qu'il propose pour " + title.toLowerCase()
                            + " : un texte de quelques lignes, comme en saisit le secrétariat.", themes, date));
            int path = random.nextInt(100);
            if (path < 25) {
                discuss();
                discuss();
                submit();
                Meeting session = session();
                referent(new ProposalPutUnderStudy(id, meetingId(session), "Chiffrer et consulter les services", date));
                discuss();
                submit();
                validateAndCarryOut(true);
            } else if (path < 50) {
                later(3);
                secretariat(new ProposalAmended(id, title + " (reformulée)", null, null, date));
                discuss();
                discuss();
                submit();
                validateAndCarryOut(true);
            } else if (path < 65) {
                discuss();
                discuss();
                submit();
                validateAndCarryOut(false);
            } else if (path < 77) {
                discuss();
                discuss();
                submit();
                Meeting session = session();
                referent(new ProposalPutUnderStudy(id, meetingId(session), "Vérifier la faisabilité", date));
                submit();
                session = session();
                referent(new ProposalRejected(id, meetingId(session), "Hors des compétences des services présents", date));
            } else if (path < 83) {
                discuss();
                submit();
                later(20);
                secretariat(new ProposalWithdrawn(id, "Le service l'a mise en place de lui-même", date));
            } else if (path < 88) {
                discuss();
                discuss();
                submit();
            } else {
                discuss();
                submit();
                Meeting session = session();
                referent(new ProposalValidated(id, meetingId(session), "Simple à faire", date));
                later(30);
                secretariat(new ImplementationCompleted(id, "Mise en place sans délai", date));
            }
            return steps;
        }

        private void validateAndCarryOut(boolean complete) {
            Meeting session = session();
            referent(new ProposalValidated(id, meetingId(session), null, date));
            later(15);
            secretariat(new ImplementationStarted(id, "Maison des services publics", date.plusMonths(6), date));
            int reports = 2 + random.nextInt(3);
            for (int report = 1; report <= reports; report++) {
                later(30);
                secretariat(new ImplementationProgressed(id, Math.min(95, report * 25), "Point d'étape", date));
            }
            if (complete) {
                later(30);
                secretariat(new ImplementationCompleted(id, "Réalisée et annoncée au public", date));
            }
        }

        private void discuss() {
            int groupIndex = random.nextInt(territory.raisingGroups().size());
            Meeting meeting = at(meetingsOfRaisingGroups.get(groupIndex));
            secretariat(new ProposalDiscussed(id, territory.raisingGroups().get(groupIndex), meetingId(meeting),
                    "Échanges du groupe sur la proposition", date));
        }

        private void submit() {
            later(7);
            secretariat(new ProposalSubmitted(id, null, "Pour la prochaine session", date));
        }

        private Meeting session() {
            return at(sessions);
        }

        /** The first meeting after the current date, which becomes the date; none: a few days later. */
        private Meeting at(List<Meeting> meetings) {
            Meeting next = firstAfter(meetings, date);
            if (next == null) {
                later(5);
                return null;
            }
            date = next.date();
            return next;
        }

        private void later(int maxDays) {
            date = date.plusDays(1 + random.nextInt(maxDays));
            if (date.isAfter(territory.lastDay())) {
                date = territory.lastDay();
            }
        }

        private void secretariat(ProposalEvent event) {
            steps.add(new Step(id, steps.size(), event, "secretariat", "SECRETARIAT"));
        }

        private void referent(ProposalEvent event) {
            steps.add(new Step(id, steps.size(), event, "referent", "REFERENT"));
        }
    }

    private String theme() {
        return THEMES.get(random.nextInt(THEMES.size()));
    }

    UUID randomId() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static UUID meetingId(Meeting meeting) {
        return meeting == null ? null : meeting.id();
    }

    private static List<Meeting> byDate(List<Meeting> meetings) {
        return meetings.stream().sorted(Comparator.comparing(Meeting::date)).toList();
    }

    /** The earliest meeting on or after {@code date} (binary search: called ten times a proposal). */
    private static Meeting firstAfter(List<Meeting> sorted, LocalDate date) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).date().isBefore(date)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < sorted.size() ? sorted.get(low) : null;
    }
}
