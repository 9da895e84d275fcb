package fr.gasp.command.organisation;

import fr.gasp.command.directory.InMemoryOrganisationDirectory;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.platform.problem.FieldProblem;
import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.predicate;

/** A group of a GASP is formed: agents, users or referents, which meet separately. */
class GroupCreationTest {

    /** 00:30 on 15 June 2002 in Paris, still 14 June in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2002-06-14T22:30:00Z"), ZoneId.of("Europe/Paris"));
    private static final LocalDate TODAY = LocalDate.of(2002, 6, 15);

    private static final UUID GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID UNKNOWN_GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000af");
    private static final UUID GROUP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final LocalDate FORMED_ON = LocalDate.of(2000, 6, 20);

    private FixtureConfiguration<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory().withGasp(GASP_ID));
        fixture.registerInjectableResource(CLOCK);
    }

    @ParameterizedTest
    @EnumSource(GroupKind.class)
    void a_group_of_each_kind_is_formed_in_a_known_gasp(GroupKind kind) {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup(GROUP_ID, GASP_ID, kind, "Groupe " + kind, FORMED_ON))
                .expectEvents(new GroupCreated(GROUP_ID, GASP_ID, kind, "Groupe " + kind, FORMED_ON))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_group_of_an_unknown_gasp_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup(GROUP_ID, UNKNOWN_GASP_ID, GroupKind.AGENTS, "Groupe des agents", FORMED_ON))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(UNKNOWN_GASP_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void a_group_formed_without_a_date_is_formed_today_in_the_territory() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup(GROUP_ID, GASP_ID, GroupKind.USERS, "Groupe des usagers", null))
                .expectEvents(new GroupCreated(GROUP_ID, GASP_ID, GroupKind.USERS, "Groupe des usagers", TODAY));
    }

    @Test
    void a_group_cannot_be_formed_tomorrow() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup(GROUP_ID, GASP_ID, GroupKind.USERS, "Groupe des usagers", TODAY.plusDays(1)))
                .expectException(predicate(exception -> exception instanceof InvalidInputException invalid
                        && invalid.errors().stream().map(FieldProblem::field).anyMatch("occurredOn"::equals)))
                .expectNoEvents();
    }
}
