package fr.gasp.command.meeting;

import fr.gasp.command.common.CommandTestSupport;
import fr.gasp.command.directory.InMemoryOrganisationDirectory;
import fr.gasp.command.organisation.InMemoryMemberRegistry;
import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Test data for the meeting tests: the Escaupont / Bruay-sur-l'Escaut GASP with its three
 * groups and a few members; a GASP that has no referents group yet; a GASP with two referents
 * groups (one per commune); and the test clock (15 June 2002 in Paris).
 */
final class MeetingFixtures {

    static final UUID MEETING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    static final UUID GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID AGENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID USERS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID REFERENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b3");

    /** A GASP whose referents group is not formed yet. */
    static final UUID GASP_WITHOUT_REFERENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID OTHER_GASP_AGENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    /** A GASP with one referents group per commune. */
    static final UUID GASP_WITH_TWO_REFERENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    static final UUID FIRST_REFERENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID SECOND_REFERENTS_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c3");

    static final UUID UNKNOWN_GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000af");
    static final UUID UNKNOWN_GROUP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

    static final UUID AGENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final UUID OTHER_AGENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    static final UUID USER_ID = UUID.fromString("00000000-0000-0000-0000-00000000f003");
    static final UUID REFERENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000f004");
    static final UUID AGENT_OF_ANOTHER_GASP_ID = UUID.fromString("00000000-0000-0000-0000-00000000f005");
    static final UUID UNKNOWN_MEMBER_ID = UUID.fromString("00000000-0000-0000-0000-00000000f0ff");
    /** Left the agents' group on 2002-03-14, before the meeting of {@link #HELD_ON}. */
    static final UUID FORMER_AGENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000f006");
    /** Joins the agents' group on 2002-09-12, after the meeting. */
    static final UUID FUTURE_AGENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000f007");
    /** Leaves the agents' group on the day of the meeting: still there that day. */
    static final UUID LEAVING_AGENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000f008");

    static final LocalDate TODAY = CommandTestSupport.TODAY;
    static final LocalDate TOMORROW = CommandTestSupport.TOMORROW;
    /** The agents' meeting of May 2002. */
    static final LocalDate HELD_ON = LocalDate.of(2002, 5, 16);

    private MeetingFixtures() {
    }

    static InMemoryOrganisationDirectory directory() {
        return new InMemoryOrganisationDirectory()
                .withGasp(GASP_ID)
                .withGroup(AGENTS_ID, GASP_ID, GroupKind.AGENTS)
                .withGroup(USERS_ID, GASP_ID, GroupKind.USERS)
                .withGroup(REFERENTS_ID, GASP_ID, GroupKind.REFERENTS)
                .withGasp(GASP_WITHOUT_REFERENTS_ID)
                .withGroup(OTHER_GASP_AGENTS_ID, GASP_WITHOUT_REFERENTS_ID, GroupKind.AGENTS)
                .withGasp(GASP_WITH_TWO_REFERENTS_ID)
                .withGroup(FIRST_REFERENTS_ID, GASP_WITH_TWO_REFERENTS_ID, GroupKind.REFERENTS)
                .withGroup(SECOND_REFERENTS_ID, GASP_WITH_TWO_REFERENTS_ID, GroupKind.REFERENTS);
    }

    static InMemoryMemberRegistry registry() {
        return new InMemoryMemberRegistry()
                .withMember(AGENT_ID, AGENTS_ID, "Nadia Benali")
                .withMember(OTHER_AGENT_ID, AGENTS_ID, "Paul Delattre")
                .withMember(USER_ID, USERS_ID, "Jeanne Lefebvre")
                .withMember(REFERENT_ID, REFERENTS_ID, "Marc Dufour")
                .withMember(AGENT_OF_ANOTHER_GASP_ID, OTHER_GASP_AGENTS_ID, "Sophie Caron")
                .withFormerMember(FORMER_AGENT_ID, AGENTS_ID, LocalDate.of(2000, 6, 8), LocalDate.of(2002, 3, 14))
                .withFormerMember(FUTURE_AGENT_ID, AGENTS_ID, LocalDate.of(2002, 9, 12), LocalDate.of(2002, 12, 12))
                .withFormerMember(LEAVING_AGENT_ID, AGENTS_ID, LocalDate.of(2001, 1, 11), HELD_ON);
    }

    static FixtureConfiguration<Meeting> meetingFixture() {
        FixtureConfiguration<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(directory());
        fixture.registerInjectableResource(registry());
        fixture.registerInjectableResource(CommandTestSupport.CLOCK);
        return fixture;
    }

    /** A meeting held on {@link #HELD_ON}, without attendance figures. */
    static MeetingHeld held(MeetingKind kind, UUID groupId) {
        return new MeetingHeld(MEETING_ID, GASP_ID, kind, groupId, HELD_ON, null, List.of());
    }
}
