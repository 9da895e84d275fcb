package fr.gasp.command.demo;

import fr.gasp.command.meeting.HoldMeeting;
import fr.gasp.command.meeting.RecordMinutes;
import fr.gasp.command.meeting.RecordRestitution;
import fr.gasp.command.organisation.AddMember;
import fr.gasp.command.organisation.CreateGasp;
import fr.gasp.command.organisation.CreateGroup;
import fr.gasp.command.organisation.RemoveMember;
import fr.gasp.command.proposal.CompleteImplementation;
import fr.gasp.command.proposal.DecideOnProposal;
import fr.gasp.command.proposal.DecisionOutcome;
import fr.gasp.command.proposal.DiscussProposal;
import fr.gasp.command.proposal.PresentProposal;
import fr.gasp.command.proposal.RaiseProposal;
import fr.gasp.command.proposal.ReportProgress;
import fr.gasp.command.proposal.StartImplementation;
import fr.gasp.command.proposal.SubmitProposal;
import fr.gasp.command.proposal.WithdrawProposal;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo GASP, drawn from the article: Escaupont and Bruay-sur-l'Escaut from June 2000
 * to June 2002. The outcomes are the article's (the guide in two editions, the simplified
 * complaint form, new police hours, mediators in training, a régie de quartier and an
 * administrative mediator under study); the people, dates and the few other proposals are
 * made up for illustration. Recorded through the same commands as the API, as the
 * secretariat and the referents would.
 */
@Component
public class DemoGasp {

    private final CommandGateway commands;
    private final Map<YearMonth, UUID> agentsMeetings = new LinkedHashMap<>();
    private final Map<YearMonth, UUID> usersMeetings = new LinkedHashMap<>();
    private final Map<YearMonth, UUID> referentsSessions = new LinkedHashMap<>();
    private final Map<Integer, UUID> jointMeetings = new LinkedHashMap<>();
    private final Map<UUID, LocalDate> meetingDates = new LinkedHashMap<>();
    private UUID gasp;
    private UUID agents;
    private UUID users;
    private UUID referents;

    public DemoGasp(CommandGateway commands) {
        this.commands = commands;
    }

    public void record() {
        try {
            organisation();
            meetings();
            proposals();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void organisation() {
        gasp = UUID.randomUUID();
        secretariat(new CreateGasp(gasp, "GASP d'Escaupont et Bruay-sur-l'Escaut",
                List.of("Escaupont", "Bruay-sur-l'Escaut"), LocalDate.of(2000, 6, 1)));
        agents = group(GroupKind.AGENTS, "Groupe des agents");
        users = group(GroupKind.USERS, "Groupe des usagers");
        referents = group(GroupKind.REFERENTS, "Référents : chefs de service et élus délégués");

        LocalDate start = LocalDate.of(2000, 6, 8);
        member(agents, "Nadia Lefebvre", "Services techniques de Bruay", start);
        member(agents, "Julien Caron", "Petite enfance, ville de Bruay", start);
        UUID mediatheque = member(agents, "Sophie Delattre", "Médiathèque", start);
        UUID bibliotheque = member(agents, "Marc Leroy", "Bibliothèque", start);
        member(agents, "Isabelle Duhamel", "État civil", start);
        member(agents, "Karim Benali", "La Poste", start);
        member(agents, "Brigadier Thomas Vasseur", "Police de proximité", start);
        member(agents, "Hélène Wattiez", "PMI", start);
        member(agents, "Chantal Dupuis", "Assistantes sociales de secteur", start);
        member(agents, "Pierre Lemaire", "Éducation nationale (école primaire)", start);
        member(agents, "Aurélie Hennebert", "Mission locale", start);
        member(agents, "Laurent Cuvelier", "Bailleur social", LocalDate.of(2001, 2, 8));
        UUID transport = member(agents, "Éric Masclet", "Transports urbains", LocalDate.of(2001, 9, 13));
        secretariat(new RemoveMember(agents, bibliotheque, LocalDate.of(2001, 6, 14)));
        secretariat(new RemoveMember(agents, mediatheque, LocalDate.of(2002, 1, 10)));
        secretariat(new RemoveMember(agents, transport, LocalDate.of(2002, 3, 14)));

        for (String resident : List.of("Mme Bernard", "M. Dhaussy", "Mme Kaczmarek", "M. Ouali", "Mme Fontaine",
                "M. Petit", "Mme Da Silva", "M. Lambert")) {
            member(users, resident, null, LocalDate.of(2000, 6, 15));
        }
        member(referents, "Directeur de la maison des services publics", "Maison des services publics", start);
        member(referents, "Adjointe au maire déléguée à la politique de la ville", "Ville d'Escaupont", start);
        member(referents, "Adjoint au maire délégué aux services publics", "Ville de Bruay-sur-l'Escaut", start);
        member(referents, "Commissaire de police", "Police nationale", start);
    }

    /** Agents monthly (not in August), users quarterly, referents twice a year, all together in December. */
    private void meetings() {
        for (YearMonth month = YearMonth.of(2000, 6); !month.isAfter(YearMonth.of(2002, 6)); month = month.plusMonths(1)) {
            if (month.getMonthValue() != 8) {
                agentsMeetings.put(month, meeting(MeetingKind.GROUP, agents, nth(month, 2, DayOfWeek.THURSDAY), 11));
            }
            if (List.of(3, 6, 9, 12).contains(month.getMonthValue())) {
                usersMeetings.put(month, meeting(MeetingKind.GROUP, users, nth(month, 3, DayOfWeek.TUESDAY), 9));
            }
            if (List.of(5, 11).contains(month.getMonthValue())) {
                referentsSessions.put(month, meeting(MeetingKind.REFERENTS_SESSION, referents,
                        nth(month, 3, DayOfWeek.MONDAY), 6));
            }
            if (month.getMonthValue() == 12) {
                jointMeetings.put(month.getYear(), meeting(MeetingKind.JOINT, null, nth(month, 2, DayOfWeek.FRIDAY), 27));
            }
        }
        minutes(agentsMeetings.get(YearMonth.of(2000, 6)), "Première réunion. Tour de table des institutions. "
                + "Constat : les services qui tiennent permanence à la mairie annexe se connaissent mal.");
        minutes(agentsMeetings.get(YearMonth.of(2000, 9)), "Thème retenu : la connaissance entre services. "
                + "Proposition : un guide des services publics (missions, tâches, personne à contacter).");
        minutes(usersMeetings.get(YearMonth.of(2000, 9)), "Les habitants évoquent la vie associative, le logement "
                + "et le sentiment d'insécurité le soir. Ils souhaitent une édition du guide pour les usagers.");
        minutes(jointMeetings.get(2000), "Première rencontre inter-groupes : restitution des premiers travaux.");
        minutes(jointMeetings.get(2000), "Première rencontre inter-groupes : restitution des premiers travaux. "
                + "Le guide et le réaménagement des locaux sont validés ; calendrier 2001 arrêté.");
        minutes(jointMeetings.get(2001), "Bilan de l'année : guide publié, formulaire de plainte simplifié, nouveaux "
                + "horaires de la police. La formation des médiateurs est en cours.");
    }

    private void proposals() {
        UUID guide = raise(agents, YearMonth.of(2000, 9), "Guide des services publics",
                "Décrire chaque service de la maison des services publics : missions, tâches, personne à contacter.",
                "connaissance entre services");
        discuss(guide, users, usersMeetings.get(YearMonth.of(2000, 9)), "Les usagers demandent une édition à leur intention.");
        submit(guide, referentsSessions.get(YearMonth.of(2000, 11)));
        decide(guide, DecisionOutcome.VALIDATED, "Financement à 100 % par la politique de la ville.", YearMonth.of(2000, 11));

        UUID locaux = raise(agents, YearMonth.of(2000, 10), "Réaménager les locaux de la maison des services publics",
                "Un accueil commun et des bureaux de permanence plus discrets.", "accueil");
        discuss(locaux, agents, agentsMeetings.get(YearMonth.of(2000, 10)), "Plan d'aménagement esquissé.");
        submit(locaux, referentsSessions.get(YearMonth.of(2000, 11)));
        decide(locaux, DecisionOutcome.VALIDATED, null, YearMonth.of(2000, 11));
        present(2000, guide, locaux);
        secretariat(new StartImplementation(guide, "Maison des services publics", LocalDate.of(2001, 9, 30),
                LocalDate.of(2001, 1, 8)));
        secretariat(new ReportProgress(guide, 50, "Édition agents rédigée.", LocalDate.of(2001, 4, 12)));
        secretariat(new CompleteImplementation(guide, "Guide publié en deux éditions : l'une pour les agents, "
                + "l'autre pour les usagers.", LocalDate.of(2001, 9, 20)));
        secretariat(new StartImplementation(locaux, "Intercommunalité", LocalDate.of(2001, 6, 30), LocalDate.of(2001, 1, 15)));
        secretariat(new CompleteImplementation(locaux, "Accueil intercommunal ouvert dans les locaux réaménagés.",
                LocalDate.of(2001, 3, 26)));

        UUID plainte = raise(agents, YearMonth.of(2001, 1), "Formulaire simplifié de dépôt de plainte",
                "La police de proximité propose un formulaire plus simple pour les habitants.", "sentiment d'insécurité");
        discuss(plainte, users, usersMeetings.get(YearMonth.of(2001, 3)), "Les habitants le trouvent clair.");
        submit(plainte, referentsSessions.get(YearMonth.of(2001, 5)));
        decide(plainte, DecisionOutcome.VALIDATED, "Mise en œuvre immédiate par le commissariat.", YearMonth.of(2001, 5));
        secretariat(new CompleteImplementation(plainte, "Formulaire en service au commissariat et à la maison des "
                + "services publics.", LocalDate.of(2001, 6, 18)));

        UUID horaires = raise(users, usersMeetings.get(YearMonth.of(2001, 3)),
                "Horaires d'accueil de la police adaptés aux habitants",
                "Recevoir les habitants en fin de journée et le samedi matin.", "sentiment d'insécurité");
        discuss(horaires, agents, agentsMeetings.get(YearMonth.of(2001, 4)), "Le brigadier présente une proposition d'horaires.");
        submit(horaires, referentsSessions.get(YearMonth.of(2001, 5)));
        decide(horaires, DecisionOutcome.VALIDATED, null, YearMonth.of(2001, 5));
        secretariat(new StartImplementation(horaires, "Police de proximité", null, LocalDate.of(2001, 6, 1)));
        secretariat(new CompleteImplementation(horaires, "Nouveaux horaires : mardi et jeudi jusqu'à 19 h, samedi matin.",
                LocalDate.of(2001, 9, 3)));

        UUID mediateurs = raise(agents, YearMonth.of(2001, 3), "Former des agents de médiation",
                "Décharger la police des conflits de voisinage par des médiateurs formés.",
                "sentiment d'insécurité", "vie du quartier");
        discuss(mediateurs, users, usersMeetings.get(YearMonth.of(2001, 6)), "Les habitants y sont favorables.");
        submit(mediateurs, referentsSessions.get(YearMonth.of(2001, 11)));
        decide(mediateurs, DecisionOutcome.VALIDATED, "Formation financée par le contrat de ville.", YearMonth.of(2001, 11));

        UUID regie = raise(users, usersMeetings.get(YearMonth.of(2001, 6)),
                "Créer une régie de quartier", "Une régie pour l'entretien du quartier, qui emploie des habitants.",
                "vie associative", "logement");
        discuss(regie, agents, agentsMeetings.get(YearMonth.of(2001, 9)), "Le bailleur social est intéressé.");
        submit(regie, referentsSessions.get(YearMonth.of(2001, 11)));
        decide(regie, DecisionOutcome.UNDER_STUDY, "Étudier le montage financier et associatif avant de décider.",
                YearMonth.of(2001, 11));

        UUID mediateurAdministratif = raise(agents, YearMonth.of(2001, 10), "Créer un poste de médiateur administratif",
                "Un interlocuteur pour les démarches qui relèvent de plusieurs institutions.", "connaissance entre services");
        discuss(mediateurAdministratif, users, usersMeetings.get(YearMonth.of(2001, 12)), "Attente forte des usagers.");
        submit(mediateurAdministratif, referentsSessions.get(YearMonth.of(2002, 5)));
        decide(mediateurAdministratif, DecisionOutcome.UNDER_STUDY, "Chercher un cofinancement du poste.",
                YearMonth.of(2002, 5));

        UUID samedi = raise(users, usersMeetings.get(YearMonth.of(2001, 9)),
                "Permanence de la caisse d'allocations familiales le samedi",
                "Une permanence le samedi matin à la maison des services publics.", "accès aux droits");
        discuss(samedi, agents, agentsMeetings.get(YearMonth.of(2001, 10)), "Hors des moyens des partenaires locaux.");
        submit(samedi, referentsSessions.get(YearMonth.of(2001, 11)));
        decide(samedi, DecisionOutcome.REJECTED, "La décision relève de la caisse ; la demande lui est transmise.",
                YearMonth.of(2001, 11));

        UUID navette = raise(users, usersMeetings.get(YearMonth.of(2001, 12)),
                "Navette vers la maison des services publics", "Desservir la maison des services depuis les hameaux.",
                "transports");
        secretariat(new WithdrawProposal(navette, "Le transporteur urbain a modifié une ligne régulière.",
                LocalDate.of(2002, 2, 14)));

        present(2001, plainte, horaires, mediateurs, regie, samedi, guide);
        secretariat(new StartImplementation(mediateurs, "Mission locale", LocalDate.of(2002, 12, 31), LocalDate.of(2002, 1, 7)));
        secretariat(new ReportProgress(mediateurs, 40, "Six agents en formation.", LocalDate.of(2002, 4, 15)));

        UUID accueil = raise(users, usersMeetings.get(YearMonth.of(2002, 3)),
                "Accueillir les nouveaux habitants", "Une réunion d'accueil par trimestre avec les services.",
                "vie du quartier", "connaissance entre services");
        discuss(accueil, agents, agentsMeetings.get(YearMonth.of(2002, 4)), "Les agents proposent de l'animer.");
        submit(accueil, agentsMeetings.get(YearMonth.of(2002, 5)));

        raise(agents, YearMonth.of(2002, 6), "Affichage commun des horaires des services",
                "Un seul panneau à l'entrée, tenu à jour par l'accueil.", "accueil", "connaissance entre services");
    }

    private UUID group(GroupKind kind, String name) {
        UUID id = UUID.randomUUID();
        secretariat(new CreateGroup(id, gasp, kind, name, LocalDate.of(2000, 6, 1)));
        return id;
    }

    private UUID member(UUID group, String name, String institution, LocalDate on) {
        UUID id = UUID.randomUUID();
        secretariat(new AddMember(group, id, name, institution, "participant", on));
        return id;
    }

    private UUID meeting(MeetingKind kind, UUID group, LocalDate on, int attendees) {
        UUID id = UUID.randomUUID();
        secretariat(new HoldMeeting(id, gasp, kind, group, on, attendees, List.of()));
        meetingDates.put(id, on);
        return id;
    }

    /** Minutes are written the day of the meeting. */
    private void minutes(UUID meeting, String text) {
        secretariat(new RecordMinutes(meeting, text, meetingDates.get(meeting)));
    }

    /** Raised by the agents at their meeting of that month. */
    private UUID raise(UUID group, YearMonth month, String title, String description, String... themes) {
        return raise(group, agentsMeetings.get(month), title, description, themes);
    }

    private UUID raise(UUID group, UUID meeting, String title, String description, String... themes) {
        UUID id = UUID.randomUUID();
        secretariat(new RaiseProposal(id, group, meeting, title, description, List.of(themes), null));
        return id;
    }

    private void discuss(UUID proposal, UUID group, UUID meeting, String summary) {
        secretariat(new DiscussProposal(proposal, group, meeting, summary, null));
    }

    private void submit(UUID proposal, UUID meeting) {
        secretariat(new SubmitProposal(proposal, meeting, null, null));
    }

    private void decide(UUID proposal, DecisionOutcome outcome, String rationale, YearMonth session) {
        as("referent", "ROLE_REFERENT", new DecideOnProposal(proposal, outcome, rationale,
                referentsSessions.get(session), null));
    }

    private void present(int year, UUID... proposals) {
        UUID joint = jointMeetings.get(year);
        secretariat(new RecordRestitution(joint, List.of(proposals)));
        for (UUID proposal : proposals) {
            secretariat(new PresentProposal(proposal, joint));
        }
    }

    private void secretariat(Object command) {
        as("secretariat", "ROLE_SECRETARIAT", command);
    }

    /** Sends as a demo account would, so the events carry an actor and a role like any other. */
    private void as(String user, String role, Object command) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(role))));
        commands.sendAndWait(command);
    }

    private static LocalDate nth(YearMonth month, int ordinal, DayOfWeek day) {
        return month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }
}
