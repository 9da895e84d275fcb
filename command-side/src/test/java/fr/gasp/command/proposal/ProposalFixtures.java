package fr.gasp.command.proposal;

import fr.gasp.command.common.CommandTestSupport;
import fr.gasp.command.directory.InMemoryOrganisationDirectory;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.events.proposal.ProposalWithdrawn;
import fr.gasp.platform.problem.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Test data for the proposal tests: one GASP (Escaupont / Bruay-sur-l'Escaut) with its three
 * groups and its meetings, a second GASP, a clock fixed on 15 June 2002, and the story of one proposal — a
 * public-services guide raised by the agents — told event by event.
 */
final class ProposalFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /**
     * 00:30 on 15 June 2002 in Paris, when it is still 14 June in UTC: "today" must be the
     * territory's day, not the server's.
     */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2002-06-14T22:30:00Z"), PARIS);
    static final LocalDate TODAY = LocalDate.of(2002, 6, 15);
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    static final UUID GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID AGENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID USERS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID REFERENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b3");
    static final UUID OTHER_GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID OTHER_GASP_AGENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID UNKNOWN_GROUP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

    static final UUID PROPOSAL_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /*
     * The meetings the directory knows, each on its own date: a step said to happen at a
     * meeting happens on that meeting's date. The GASP's calendar of the first half of 2002
     * (the agents monthly, the users quarterly, the referents twice, the yearly joint meeting),
     * its first agents' meeting and the previous joint meeting; and two meetings of the other GASP.
     */
    static final UUID FIRST_AGENTS_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d0");
    static final LocalDate FIRST_AGENTS_MEETING_ON = LocalDate.of(2000, 6, 20);
    static final UUID PREVIOUS_JOINT_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d9");
    static final LocalDate PREVIOUS_JOINT_MEETING_ON = LocalDate.of(2001, 6, 21);
    static final UUID AGENTS_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final LocalDate AGENTS_MEETING_ON = LocalDate.of(2002, 1, 10);
    static final UUID USERS_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final LocalDate USERS_MEETING_ON = LocalDate.of(2002, 2, 7);
    static final UUID AGENTS_MARCH_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d5");
    static final LocalDate AGENTS_MARCH_MEETING_ON = LocalDate.of(2002, 3, 7);
    static final UUID REFERENTS_SESSION_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d3");
    static final LocalDate REFERENTS_SESSION_ON = LocalDate.of(2002, 4, 4);
    static final UUID AGENTS_APRIL_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d6");
    static final LocalDate AGENTS_APRIL_MEETING_ON = LocalDate.of(2002, 4, 18);
    static final UUID USERS_MAY_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d7");
    static final LocalDate USERS_MAY_MEETING_ON = LocalDate.of(2002, 5, 23);
    static final UUID REFERENTS_JUNE_SESSION_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d8");
    static final LocalDate REFERENTS_JUNE_SESSION_ON = LocalDate.of(2002, 6, 13);
    static final UUID JOINT_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d4");
    static final LocalDate JOINT_MEETING_ON = LocalDate.of(2002, 6, 14);
    static final UUID OTHER_GASP_AGENTS_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID OTHER_GASP_JOINT_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e4");
    static final UUID UNKNOWN_MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000df");

    static final String TITLE = "Un guide des services publics";
    static final String DESCRIPTION = "Recenser les services du quartier, leurs horaires et qui y répond.";
    static final List<String> THEMES = List.of("connaissance entre services");
    static final String SUMMARY = "Les usagers veulent une édition à eux, plus courte.";
    static final String NOTE = "Soumis à la session d'avril des référents.";
    static final String RATIONALE = "Financé par la politique de la ville.";
    static final String OWNER = "Mairie d'Escaupont";
    static final LocalDate TARGET_DATE = LocalDate.of(2002, 12, 31);
    static final String OUTCOME = "Le guide est distribué en deux éditions, agents et usagers.";
    static final String REASON = "Le sujet est traité par la commune.";

    /**
     * The business dates of the story, in order; all before {@link #TODAY}. The steps taken at a
     * meeting are on its date: raised at the agents' January meeting, discussed at the users'
     * February meeting, submitted at the agents' March meeting, decided at the referents'
     * April session, resubmitted at the agents' April meeting.
     */
    static final LocalDate RAISED_ON = AGENTS_MEETING_ON;
    static final LocalDate DISCUSSED_ON = USERS_MEETING_ON;
    static final LocalDate SUBMITTED_ON = AGENTS_MARCH_MEETING_ON;
    static final LocalDate DECIDED_ON = REFERENTS_SESSION_ON;
    static final LocalDate RESUBMITTED_ON = AGENTS_APRIL_MEETING_ON;
    static final LocalDate STARTED_ON = LocalDate.of(2002, 4, 22);
    static final LocalDate PROGRESSED_ON = LocalDate.of(2002, 5, 16);
    static final LocalDate COMPLETED_ON = LocalDate.of(2002, 6, 10);
    static final LocalDate WITHDRAWN_ON = LocalDate.of(2002, 5, 2);

    private ProposalFixtures() {
    }

    static InMemoryOrganisationDirectory directory() {
        return new InMemoryOrganisationDirectory()
                .withGasp(GASP_ID)
                .withGroup(AGENTS_ID, GASP_ID, GroupKind.AGENTS)
                .withGroup(USERS_ID, GASP_ID, GroupKind.USERS)
                .withGroup(REFERENTS_ID, GASP_ID, GroupKind.REFERENTS)
                .withMeeting(FIRST_AGENTS_MEETING_ID, GASP_ID, MeetingKind.GROUP, AGENTS_ID, FIRST_AGENTS_MEETING_ON)
                .withMeeting(PREVIOUS_JOINT_MEETING_ID, GASP_ID, MeetingKind.JOINT, null, PREVIOUS_JOINT_MEETING_ON)
                .withMeeting(AGENTS_MEETING_ID, GASP_ID, MeetingKind.GROUP, AGENTS_ID, AGENTS_MEETING_ON)
                .withMeeting(USERS_MEETING_ID, GASP_ID, MeetingKind.GROUP, USERS_ID, USERS_MEETING_ON)
                .withMeeting(AGENTS_MARCH_MEETING_ID, GASP_ID, MeetingKind.GROUP, AGENTS_ID, AGENTS_MARCH_MEETING_ON)
                .withMeeting(REFERENTS_SESSION_ID, GASP_ID, MeetingKind.REFERENTS_SESSION, REFERENTS_ID,
                        REFERENTS_SESSION_ON)
                .withMeeting(AGENTS_APRIL_MEETING_ID, GASP_ID, MeetingKind.GROUP, AGENTS_ID, AGENTS_APRIL_MEETING_ON)
                .withMeeting(USERS_MAY_MEETING_ID, GASP_ID, MeetingKind.GROUP, USERS_ID, USERS_MAY_MEETING_ON)
                .withMeeting(REFERENTS_JUNE_SESSION_ID, GASP_ID, MeetingKind.REFERENTS_SESSION, REFERENTS_ID,
                        REFERENTS_JUNE_SESSION_ON)
                .withMeeting(JOINT_MEETING_ID, GASP_ID, MeetingKind.JOINT, null, JOINT_MEETING_ON)
                .withGasp(OTHER_GASP_ID)
                .withGroup(OTHER_GASP_AGENTS_ID, OTHER_GASP_ID, GroupKind.AGENTS)
                .withMeeting(OTHER_GASP_AGENTS_MEETING_ID, OTHER_GASP_ID, MeetingKind.GROUP, OTHER_GASP_AGENTS_ID,
                        AGENTS_MEETING_ON)
                .withMeeting(OTHER_GASP_JOINT_MEETING_ID, OTHER_GASP_ID, MeetingKind.JOINT, null, JOINT_MEETING_ON);
    }

    /** The date of a meeting the directory knows. */
    static LocalDate meetingOn(UUID meetingId) {
        return directory().meeting(meetingId).orElseThrow().occurredOn();
    }

    static FixtureConfiguration<Proposal> proposalFixture() {
        FixtureConfiguration<Proposal> fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(directory());
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    // --- the events of the story

    static ProposalRaised raised() {
        return new ProposalRaised(PROPOSAL_ID, GASP_ID, AGENTS_ID, AGENTS_MEETING_ID, TITLE, DESCRIPTION, THEMES,
                RAISED_ON);
    }

    static ProposalDiscussed discussed() {
        return new ProposalDiscussed(PROPOSAL_ID, USERS_ID, USERS_MEETING_ID, SUMMARY, DISCUSSED_ON);
    }

    static ProposalSubmitted submitted() {
        return new ProposalSubmitted(PROPOSAL_ID, AGENTS_MARCH_MEETING_ID, NOTE, SUBMITTED_ON);
    }

    static ProposalValidated validated() {
        return new ProposalValidated(PROPOSAL_ID, REFERENTS_SESSION_ID, RATIONALE, DECIDED_ON);
    }

    static ProposalRejected rejected() {
        return new ProposalRejected(PROPOSAL_ID, REFERENTS_SESSION_ID, "Hors du champ des services publics.",
                DECIDED_ON);
    }

    static ProposalPutUnderStudy putUnderStudy() {
        return new ProposalPutUnderStudy(PROPOSAL_ID, REFERENTS_SESSION_ID, "Chiffrer le coût de l'impression.",
                DECIDED_ON);
    }

    static ProposalSubmitted resubmitted() {
        return new ProposalSubmitted(PROPOSAL_ID, AGENTS_APRIL_MEETING_ID, "Devis joint.", RESUBMITTED_ON);
    }

    static ImplementationStarted implementationStarted() {
        return new ImplementationStarted(PROPOSAL_ID, OWNER, TARGET_DATE, STARTED_ON);
    }

    static ImplementationProgressed progressed() {
        return new ImplementationProgressed(PROPOSAL_ID, 40, "Première édition en relecture.", PROGRESSED_ON);
    }

    static ImplementationCompleted completed() {
        return new ImplementationCompleted(PROPOSAL_ID, OUTCOME, COMPLETED_ON);
    }

    static ProposalWithdrawn withdrawn() {
        return new ProposalWithdrawn(PROPOSAL_ID, REASON, WITHDRAWN_ON);
    }

    // --- histories

    /** A way of reaching a status, told as the events that lead there. */
    record Path(String name, ProposalStatus status, List<Object> history) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The plainest history that reaches a status. */
    static List<Object> historyReaching(ProposalStatus status) {
        return switch (status) {
            case RAISED -> List.of(raised());
            case DISCUSSED -> List.of(raised(), discussed());
            case SUBMITTED -> List.of(raised(), discussed(), submitted());
            case UNDER_STUDY -> List.of(raised(), discussed(), submitted(), putUnderStudy());
            case VALIDATED -> List.of(raised(), discussed(), submitted(), validated());
            case REJECTED -> List.of(raised(), discussed(), submitted(), rejected());
            case IN_IMPLEMENTATION -> List.of(raised(), discussed(), submitted(), validated(), implementationStarted());
            case IMPLEMENTED -> List.of(raised(), discussed(), submitted(), validated(), implementationStarted(),
                    completed());
            case WITHDRAWN -> List.of(raised(), discussed(), withdrawn());
        };
    }

    /** Every status, reached by its plainest history and, where the lifecycle has them, by other ways. */
    static List<Path> pathsToEveryStatus() {
        List<Path> paths = new ArrayList<>();
        for (ProposalStatus status : ProposalStatus.values()) {
            paths.add(new Path(status + " (plain)", status, historyReaching(status)));
        }
        paths.add(new Path("DISCUSSED (twice)", ProposalStatus.DISCUSSED,
                List.of(raised(), discussed(), discussion(REFERENTS_ID, REFERENTS_SESSION_ID))));
        paths.add(new Path("DISCUSSED (amended)", ProposalStatus.DISCUSSED,
                List.of(raised(), discussed(), amended(DISCUSSED_ON.plusDays(1)))));
        paths.add(new Path("RAISED (amended)", ProposalStatus.RAISED,
                List.of(raised(), amended(RAISED_ON.plusDays(1)))));
        paths.add(new Path("SUBMITTED (discussed after submission)", ProposalStatus.SUBMITTED,
                List.of(raised(), discussed(), submitted(), discussion(USERS_ID, USERS_MAY_MEETING_ID))));
        paths.add(new Path("SUBMITTED (again after a study)", ProposalStatus.SUBMITTED,
                List.of(raised(), discussed(), submitted(), putUnderStudy(), resubmitted())));
        paths.add(new Path("UNDER_STUDY (discussed and amended during the study)", ProposalStatus.UNDER_STUDY,
                List.of(raised(), discussed(), submitted(), putUnderStudy(),
                        discussion(AGENTS_ID, AGENTS_APRIL_MEETING_ID), amended(AGENTS_APRIL_MEETING_ON.plusDays(1)))));
        paths.add(new Path("VALIDATED (after a study)", ProposalStatus.VALIDATED,
                List.of(raised(), discussed(), submitted(), putUnderStudy(), resubmitted(),
                        new ProposalValidated(PROPOSAL_ID, JOINT_MEETING_ID, null, JOINT_MEETING_ON))));
        paths.add(new Path("IN_IMPLEMENTATION (progress reported)", ProposalStatus.IN_IMPLEMENTATION,
                List.of(raised(), discussed(), submitted(), validated(), implementationStarted(), progressed())));
        paths.add(new Path("IMPLEMENTED (quick win, from VALIDATED)", ProposalStatus.IMPLEMENTED,
                List.of(raised(), discussed(), submitted(), validated(), completed())));
        paths.add(new Path("REJECTED (after a study)", ProposalStatus.REJECTED,
                List.of(raised(), discussed(), submitted(), putUnderStudy(), resubmitted(),
                        new ProposalRejected(PROPOSAL_ID, REFERENTS_JUNE_SESSION_ID, "Trop coûteux.",
                                REFERENTS_JUNE_SESSION_ON))));
        paths.add(new Path("WITHDRAWN (while RAISED)", ProposalStatus.WITHDRAWN,
                List.of(raised(), withdrawn())));
        paths.add(new Path("WITHDRAWN (while SUBMITTED)", ProposalStatus.WITHDRAWN,
                List.of(raised(), discussed(), submitted(), withdrawn())));
        paths.add(new Path("WITHDRAWN (while UNDER_STUDY)", ProposalStatus.WITHDRAWN,
                List.of(raised(), discussed(), submitted(), putUnderStudy(), withdrawn())));
        return paths;
    }

    /** A further discussion by a group at a meeting, on the meeting's date. */
    static ProposalDiscussed discussion(UUID groupId, UUID meetingId) {
        return new ProposalDiscussed(PROPOSAL_ID, groupId, meetingId, "Rediscuté.", meetingOn(meetingId));
    }

    static ProposalAmended amended(LocalDate on) {
        return new ProposalAmended(PROPOSAL_ID, "Un guide en deux éditions", null, null, on);
    }

    // --- one valid command per action, dated today unless a date is given, outside any meeting
    //     (so that its date is free: a step at a meeting takes the meeting's date)

    static Object validCommand(ProposalAction action) {
        return validCommand(action, null);
    }

    static Object validCommand(ProposalAction action, LocalDate on) {
        return switch (action) {
            case DISCUSS -> new DiscussProposal(PROPOSAL_ID, AGENTS_ID, null, SUMMARY, on);
            case AMEND -> new AmendProposal(PROPOSAL_ID, "Un guide en deux éditions", null, null, on);
            case SUBMIT -> new SubmitProposal(PROPOSAL_ID, null, NOTE, on);
            case DECIDE -> new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.UNDER_STUDY, "À chiffrer.", null, on);
            case START_IMPLEMENTATION -> new StartImplementation(PROPOSAL_ID, OWNER, null, on);
            case REPORT_PROGRESS -> new ReportProgress(PROPOSAL_ID, 50, null, on);
            case COMPLETE -> new CompleteImplementation(PROPOSAL_ID, OUTCOME, on);
            case WITHDRAW -> new WithdrawProposal(PROPOSAL_ID, REASON, on);
        };
    }

    /** The event type a valid command of each action records. */
    static Class<?> eventOf(ProposalAction action) {
        return switch (action) {
            case DISCUSS -> ProposalDiscussed.class;
            case AMEND -> ProposalAmended.class;
            case SUBMIT -> ProposalSubmitted.class;
            case DECIDE -> ProposalPutUnderStudy.class;
            case START_IMPLEMENTATION -> ImplementationStarted.class;
            case REPORT_PROGRESS -> ImplementationProgressed.class;
            case COMPLETE -> ImplementationCompleted.class;
            case WITHDRAW -> ProposalWithdrawn.class;
        };
    }

    // --- matchers for the refusals

    /** An {@link InvalidInputException} that blames the given field. */
    static Matcher<InvalidInputException> invalidInput(String field) {
        return CommandTestSupport.invalidInput(field);
    }

    /** A {@link ForbiddenTransition} of the action, naming the current status. */
    static Matcher<ForbiddenTransition> forbidden(ProposalStatus currentStatus, ProposalAction attempted) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ForbiddenTransition exception) {
                return exception.currentStatus() == currentStatus && exception.attempted() == attempted;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ForbiddenTransition of ").appendValue(attempted)
                        .appendText(" from ").appendValue(currentStatus);
            }

            @Override
            protected void describeMismatchSafely(ForbiddenTransition exception, Description mismatch) {
                mismatch.appendText("was ").appendValue(exception.attempted())
                        .appendText(" from ").appendValue(exception.currentStatus());
            }
        };
    }

    /** A {@link ForbiddenTransition} that also lists exactly the given actions as possible. */
    static Matcher<ForbiddenTransition> forbidden(ProposalStatus currentStatus, ProposalAction attempted,
                                                  Set<ProposalAction> allowed) {
        Matcher<ForbiddenTransition> transition = forbidden(currentStatus, attempted);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ForbiddenTransition exception) {
                return transition.matches(exception) && exception.allowedActions().equals(allowed);
            }

            @Override
            public void describeTo(Description description) {
                description.appendDescriptionOf(transition).appendText(" allowing ").appendValue(allowed);
            }

            @Override
            protected void describeMismatchSafely(ForbiddenTransition exception, Description mismatch) {
                mismatch.appendText("was ").appendValue(exception.attempted())
                        .appendText(" from ").appendValue(exception.currentStatus())
                        .appendText(" allowing ").appendValue(exception.allowedActions());
            }
        };
    }
}
