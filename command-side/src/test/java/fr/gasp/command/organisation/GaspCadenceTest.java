package fr.gasp.command.organisation;

import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static fr.gasp.command.common.CommandTestSupport.CLOCK;
import static fr.gasp.command.common.CommandTestSupport.TODAY;
import static fr.gasp.command.common.CommandTestSupport.TOMORROW;
import static fr.gasp.command.common.CommandTestSupport.invalidInput;

/**
 * A GASP says how many meetings a year each body is expected to hold — in the article, the
 * agents monthly, the users quarterly, the referents twice a year and one joint meeting — so
 * that dashboards compare the meetings held with the meetings expected.
 */
class GaspCadenceTest {

    private static final UUID GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final LocalDate CREATED_ON = LocalDate.of(2000, 6, 1);
    private static final LocalDate ON = LocalDate.of(2001, 1, 15);
    private static final GaspCreated CREATED = new GaspCreated(GASP_ID, "GASP d'Escaupont et Bruay-sur-l'Escaut",
            List.of("Escaupont", "Bruay-sur-l'Escaut"), CREATED_ON);

    private FixtureConfiguration<Gasp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gasp.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_gasp_sets_the_article_s_cadence() {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, new Cadence(12, 4, 2, 1), ON))
                .expectEvents(new GaspCadenceSet(GASP_ID, new Cadence(12, 4, 2, 1), ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_gasp_changes_its_cadence_again() {
        fixture.given(CREATED, new GaspCadenceSet(GASP_ID, Cadence.DEFAULT, CREATED_ON))
                .when(new SetCadence(GASP_ID, new Cadence(10, 4, 2, 1), ON))
                .expectEvents(new GaspCadenceSet(GASP_ID, new Cadence(10, 4, 2, 1), ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_cadence_may_be_set_the_day_the_gasp_is_created() {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, Cadence.DEFAULT, CREATED_ON))
                .expectEvents(new GaspCadenceSet(GASP_ID, Cadence.DEFAULT, CREATED_ON));
    }

    @Test
    void a_cadence_set_without_a_date_is_set_today_in_the_territory() {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, Cadence.DEFAULT, null))
                .expectEvents(new GaspCadenceSet(GASP_ID, Cadence.DEFAULT, TODAY));
    }

    @Test
    void figures_from_0_to_366_meetings_a_year_are_accepted() {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, new Cadence(366, 0, 0, 366), ON))
                .expectEvents(new GaspCadenceSet(GASP_ID, new Cadence(366, 0, 0, 366), ON));
    }

    /** Each figure of the cadence, with its field, at a value outside 0..366. */
    static Stream<Arguments> figuresOutOfRange() {
        return IntStream.of(-1, 367, Integer.MIN_VALUE, Integer.MAX_VALUE).boxed().flatMap(wrong -> Stream.of(
                Arguments.of("agentsMeetings", new Cadence(wrong, 4, 2, 1)),
                Arguments.of("usersMeetings", new Cadence(12, wrong, 2, 1)),
                Arguments.of("referentsSessions", new Cadence(12, 4, wrong, 1)),
                Arguments.of("jointMeetings", new Cadence(12, 4, 2, wrong))));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("figuresOutOfRange")
    void a_figure_outside_0_to_366_meetings_a_year_is_refused_naming_its_field(String field, Cadence cadence) {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, cadence, ON))
                .expectException(invalidInput(field))
                .expectNoEvents();
    }

    @Test
    void the_cadence_of_an_unknown_gasp_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetCadence(GASP_ID, Cadence.DEFAULT, ON))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_cadence_is_required() {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, null, ON))
                .expectException(invalidInput("cadence"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 365})
    void a_cadence_cannot_be_set_before_the_gasp_is_created(int daysBefore) {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, Cadence.DEFAULT, CREATED_ON.minusDays(daysBefore)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_cadence_cannot_be_set_tomorrow() {
        fixture.given(CREATED)
                .when(new SetCadence(GASP_ID, Cadence.DEFAULT, TOMORROW))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }
}
