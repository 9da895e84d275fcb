package fr.gasp.command.organisation;

import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.platform.problem.FieldProblem;
import fr.gasp.platform.problem.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.predicate;

/** A GASP is set up for a territory of one or more communes. */
class GaspCreationTest {

    /** 00:30 on 15 June 2002 in Paris, still 14 June in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2002-06-14T22:30:00Z"), ZoneId.of("Europe/Paris"));
    private static final LocalDate TODAY = LocalDate.of(2002, 6, 15);

    private static final UUID GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final String NAME = "GASP d'Escaupont et Bruay-sur-l'Escaut";
    private static final List<String> COMMUNES = List.of("Escaupont", "Bruay-sur-l'Escaut");

    private FixtureConfiguration<Gasp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gasp.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_gasp_is_set_up_for_its_communes_in_june_2000() {
        LocalDate createdOn = LocalDate.of(2000, 6, 1);
        fixture.givenNoPriorActivity()
                .when(new CreateGasp(GASP_ID, NAME, COMMUNES, createdOn))
                .expectEvents(new GaspCreated(GASP_ID, NAME, COMMUNES, createdOn))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_gasp_set_up_without_a_date_is_set_up_today_in_the_territory() {
        fixture.givenNoPriorActivity()
                .when(new CreateGasp(GASP_ID, NAME, COMMUNES, null))
                .expectEvents(new GaspCreated(GASP_ID, NAME, COMMUNES, TODAY))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_gasp_may_be_set_up_today() {
        fixture.givenNoPriorActivity()
                .when(new CreateGasp(GASP_ID, NAME, COMMUNES, TODAY))
                .expectEvents(new GaspCreated(GASP_ID, NAME, COMMUNES, TODAY));
    }

    @Test
    void a_gasp_cannot_be_set_up_tomorrow() {
        fixture.givenNoPriorActivity()
                .when(new CreateGasp(GASP_ID, NAME, COMMUNES, TODAY.plusDays(1)))
                .expectException(predicate(exception -> exception instanceof InvalidInputException invalid
                        && invalid.errors().stream().map(FieldProblem::field).anyMatch("occurredOn"::equals)))
                .expectNoEvents();
    }
}
