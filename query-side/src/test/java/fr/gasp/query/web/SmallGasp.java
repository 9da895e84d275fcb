package fr.gasp.query.web;

import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.testing.CommandSide;
import org.axonframework.messaging.MetaData;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.REFERENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;

/**
 * A small GASP recorded as the command side would, over 2023 and 2024, whose figures the page
 * tests count by hand:
 * <pre>
 * guide     agents  raised 07/02/2023 (agents' meeting), discussed by users 15/03/2023 (users' meeting),
 *                   submitted 01/04/2023, VALIDATED 16/01/2024 (referents' session: the next year),
 *                   started 01/02/2024, completed 30/09/2024, presented 03/12/2024 (joint meeting)
 * police    users   raised 15/03/2023, discussed 15/03/2023, submitted 02/05/2023, REJECTED 20/06/2023
 * script    users   raised 01/02/2024, discussed 10/02/2024, submitted 01/03/2024: waits for the referents
 *                   (its title is markup, its theme has characters that markup escapes)
 * mediation agents  raised 15/02/2024, discussed 20/02/2024, submitted 01/03/2024, UNDER STUDY 18/06/2024
 * housing   users   raised 20/01/2024, discussed 05/02/2024, submitted 01/03/2024, VALIDATED 18/06/2024
 * </pre>
 * All time: 5 proposals (1 implemented, 1 rejected, 1 submitted, 1 under study, 1 validated),
 * 5 raised, 2 validated, 1 implemented, 50 % of the validated implemented, 1 waiting.
 * 2023: 2 active (guide submitted, police rejected), 2 raised, 0 validated, 1 rejected.
 * 2024: 4 active, 3 raised, 2 validated (guide and housing), 1 under study, 1 implemented.
 */
public record SmallGasp(String name, UUID gasp, UUID agents, UUID users, UUID referents, UUID guide, UUID police,
                        UUID script, UUID mediation, UUID housing) {

    public static final String GUIDE = "Guide des services publics";
    public static final String POLICE = "Horaires de la police municipale";
    public static final String SCRIPT = "<script>alert('gasp')</script> Médiateur & <b>gras</b>";
    public static final String MEDIATION = "Formation des agents de médiation";
    public static final String HOUSING = "Permanence logement le samedi";
    public static final String ESCAPED_THEME = "accès <aux> droits & démarches";
    public static final String GUIDE_OUTCOME = "Guide distribué en mairie et à la maison des services publics.";
    public static final String STUDY_RATIONALE = "À chiffrer avec le bailleur avant de décider.";
    public static final String HOUSING_RATIONALE = "Permanence confiée au centre social.";

    private static final MetaData SECRETARIAT = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT");
    private static final MetaData REFERENT = MetaData.with("actor", "referent").and("role", "REFERENT");

    public static SmallGasp record(CommandSide given, String name) {
        UUID gasp = given.gasp(name, LocalDate.of(2023, 1, 10), "Escaupont", "Bruay-sur-l'Escaut");
        UUID agents = given.group(gasp, AGENTS, "Agents de la ville", LocalDate.of(2023, 1, 10));
        UUID users = given.group(gasp, USERS, "Usagers du centre", LocalDate.of(2023, 1, 10));
        UUID referents = given.group(gasp, REFERENTS, "Référents", LocalDate.of(2023, 1, 10));
        UUID agentsMeeting = given.meeting(gasp, GROUP, agents, LocalDate.of(2023, 2, 7), 11);
        UUID usersMeeting = given.meeting(gasp, GROUP, users, LocalDate.of(2023, 3, 15), 9);
        UUID session2023 = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2023, 6, 20), 6);
        UUID januarySession = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2024, 1, 16), 5);
        UUID juneSession = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2024, 6, 18), 7);
        UUID joint = given.meeting(gasp, JOINT, null, LocalDate.of(2024, 12, 3), 42);

        UUID guide = raise(given, gasp, agents, agentsMeeting, GUIDE, List.of("connaissance entre services"),
                LocalDate.of(2023, 2, 7));
        given.append("Proposal", guide, new ProposalDiscussed(guide, users, usersMeeting,
                "Les usagers veulent un guide court, par démarche.", LocalDate.of(2023, 3, 15)), SECRETARIAT);
        given.submit(guide, null, LocalDate.of(2023, 4, 1));
        given.append("Proposal", guide, new ProposalValidated(guide, januarySession, "Financé par la politique de la ville.",
                LocalDate.of(2024, 1, 16)), REFERENT);
        given.append("Proposal", guide, new ImplementationStarted(guide, "Maison des services publics",
                LocalDate.of(2024, 6, 30), LocalDate.of(2024, 2, 1)), SECRETARIAT);
        given.append("Proposal", guide, new ImplementationCompleted(guide, GUIDE_OUTCOME, LocalDate.of(2024, 9, 30)),
                SECRETARIAT);
        given.restitution(joint, LocalDate.of(2024, 12, 3), guide);
        given.present(guide, joint, LocalDate.of(2024, 12, 3));

        UUID police = raise(given, gasp, users, usersMeeting, POLICE, List.of("sentiment d'insécurité"),
                LocalDate.of(2023, 3, 15));
        given.discuss(police, users, usersMeeting, LocalDate.of(2023, 3, 15));
        given.submit(police, null, LocalDate.of(2023, 5, 2));
        given.reject(police, session2023, LocalDate.of(2023, 6, 20));

        UUID script = raise(given, gasp, users, null, SCRIPT, List.of(ESCAPED_THEME), LocalDate.of(2024, 2, 1));
        given.discuss(script, users, null, LocalDate.of(2024, 2, 10));
        given.submit(script, null, LocalDate.of(2024, 3, 1));

        UUID mediation = raise(given, gasp, agents, null, MEDIATION, List.of("médiation", "logement"),
                LocalDate.of(2024, 2, 15));
        given.discuss(mediation, agents, null, LocalDate.of(2024, 2, 20));
        given.append("Proposal", mediation, new ProposalSubmitted(mediation, null, null, LocalDate.of(2024, 3, 1)),
                SECRETARIAT);
        given.append("Proposal", mediation, new ProposalPutUnderStudy(mediation, juneSession, STUDY_RATIONALE,
                LocalDate.of(2024, 6, 18)), REFERENT);

        UUID housing = raise(given, gasp, users, null, HOUSING, List.of("logement"), LocalDate.of(2024, 1, 20));
        given.discuss(housing, users, null, LocalDate.of(2024, 2, 5));
        given.submit(housing, null, LocalDate.of(2024, 3, 1));
        given.append("Proposal", housing, new ProposalValidated(housing, juneSession, HOUSING_RATIONALE,
                LocalDate.of(2024, 6, 18)), REFERENT);

        given.awaitReadModel();
        return new SmallGasp(name, gasp, agents, users, referents, guide, police, script, mediation, housing);
    }

    private static UUID raise(CommandSide given, UUID gasp, UUID group, UUID meeting, String title, List<String> themes,
                              LocalDate on) {
        UUID id = UUID.randomUUID();
        given.append("Proposal", id, new ProposalRaised(id, gasp, group, meeting, title, "Description de " + title,
                themes, on), SECRETARIAT);
        return id;
    }
}
