package fr.gasp.query.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.REFERENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal's detail and its history are each read with one statement call (one round trip),
 * whatever the proposal went through, and still name every step's meeting.
 */
class ProposalReadsInOneRoundTripTest extends QuerySideIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ObjectMapper json;

    private final AtomicInteger statements = new AtomicInteger();

    @Test
    void the_detail_of_a_proposal_with_every_kind_of_step_is_one_statement_call() {
        Steps steps = proposalThroughEveryKindOfStep();
        ProposalDetails details = new ProposalDetails(new JdbcTemplate(counted(dataSource)));

        Detail detail = details.of(steps.proposal()).orElseThrow();

        assertThat(statements).hasValue(1);
        assertThat(detail.title()).isEqualTo("Guide des services");
        assertThat(detail.themes()).containsExactly("vie du quartier");
        assertThat(detail.raisedAt().id()).isEqualTo(steps.raisedAt());
        assertThat(detail.raisedBy().groupName()).isEqualTo("Agents");
        assertThat(detail.discussions()).singleElement().satisfies(discussion -> {
            assertThat(discussion.groupName()).isEqualTo("Usagers");
            assertThat(discussion.meeting().id()).isEqualTo(steps.discussedAt());
        });
        assertThat(detail.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo("VALIDATED");
            assertThat(decision.meeting().groupName()).isEqualTo("Référents");
        });
        assertThat(detail.presentations()).singleElement()
                .satisfies(presentation -> assertThat(presentation.meeting().id()).isEqualTo(steps.joint()));
        assertThat(detail.version()).isEqualTo(steps.lastVersion());
    }

    @Test
    void an_unknown_proposal_has_no_detail_and_costs_one_statement_call_too() {
        ProposalDetails details = new ProposalDetails(new JdbcTemplate(counted(dataSource)));

        assertThat(details.of(UUID.randomUUID())).isEmpty();
        assertThat(statements).hasValue(1);
    }

    @Test
    void the_history_of_a_proposal_is_one_statement_call_naming_each_steps_meeting() {
        Steps steps = proposalThroughEveryKindOfStep();
        ProposalQueries queries = new ProposalQueries(new JdbcTemplate(counted(dataSource)), json);

        List<HistoryEntry> history = queries.history(steps.proposal());

        assertThat(statements).hasValue(1);
        assertThat(history).extracting(HistoryEntry::type).containsExactly("ProposalRaised", "ProposalDiscussed",
                "ProposalSubmitted", "ProposalValidated", "ProposalPresented");
        assertThat(history.get(0).meeting().id()).isEqualTo(steps.raisedAt());
        assertThat(history.get(2).meeting()).isNull();
        assertThat(history.get(4).meeting().id()).isEqualTo(steps.joint());
    }

    private record Steps(UUID proposal, UUID raisedAt, UUID discussedAt, UUID joint, long lastVersion) {
    }

    private Steps proposalThroughEveryKindOfStep() {
        UUID gasp = given.gasp("GASP d'un seul aller-retour", LocalDate.of(2014, 1, 1), "Onnaing");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2014, 1, 2));
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2014, 1, 2));
        UUID referents = given.group(gasp, REFERENTS, "Référents", LocalDate.of(2014, 1, 2));
        UUID raisedAt = given.meeting(gasp, GROUP, agents, LocalDate.of(2014, 2, 5), 12);
        UUID discussedAt = given.meeting(gasp, GROUP, users, LocalDate.of(2014, 3, 6), 8);
        UUID session = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2014, 5, 7), 5);
        UUID joint = given.meeting(gasp, JOINT, null, LocalDate.of(2014, 12, 8), 40);
        UUID proposal = given.raise(gasp, agents, raisedAt, "Guide des services", LocalDate.of(2014, 2, 5));
        given.discuss(proposal, users, discussedAt, LocalDate.of(2014, 3, 6));
        given.submit(proposal, null, LocalDate.of(2014, 4, 1));
        given.validate(proposal, session, LocalDate.of(2014, 5, 7));
        given.restitution(joint, LocalDate.of(2014, 12, 8), proposal);
        long presented = given.present(proposal, joint, LocalDate.of(2014, 12, 8));
        given.awaitReadModel();
        return new Steps(proposal, raisedAt, discussedAt, joint, presented);
    }

    /** The data source, counting the statements prepared or created on its connections. */
    private DataSource counted(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(real, method, arguments);
                    return result instanceof Connection connection ? counted(connection) : result;
                });
    }

    private Connection counted(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().matches("prepareStatement|createStatement|prepareCall")) {
                        statements.incrementAndGet();
                    }
                    return invoke(real, method, arguments);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments)
            throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
