package fr.gasp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.REFERENTS;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log lists every stored event, of every aggregate, oldest first, with both clocks,
 * who wrote it and a readable summary; it narrows by business date, actor and type, by pages.
 * Each test works in business years no other test uses (the log covers the whole store).
 */
class AuditLogTest extends QuerySideIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void every_stored_event_of_every_aggregate_is_logged_with_both_clocks_actor_role_and_a_summary() {
        Instant before = Instant.now();
        UUID gasp = given.gasp("GASP audité", LocalDate.of(1981, 1, 7), "Escaupont", "Bruay-sur-l'Escaut");
        given.cadence(gasp, new Cadence(12, 4, 2, 1), LocalDate.of(1981, 1, 8));
        UUID agents = given.group(gasp, AGENTS, "Agents audités", LocalDate.of(1981, 1, 9));
        UUID referents = given.group(gasp, REFERENTS, "Référents audités", LocalDate.of(1981, 1, 9));
        UUID member = given.member(agents, "Josiane Delattre", "Médiathèque", "animatrice", LocalDate.of(1981, 1, 10));
        UUID meeting = given.meeting(gasp, GROUP, agents, LocalDate.of(1981, 2, 12), 9, member);
        UUID proposal = given.raise(gasp, agents, meeting, "Guide des services", LocalDate.of(1981, 2, 12));
        given.discuss(proposal, agents, meeting, LocalDate.of(1981, 2, 12));
        given.submit(proposal, null, LocalDate.of(1981, 2, 20));
        UUID session = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(1981, 3, 19), null);
        given.validate(proposal, session, LocalDate.of(1981, 3, 19));
        given.minutes(meeting, 1, "Compte rendu de la réunion", LocalDate.of(1981, 2, 13));
        given.leaves(agents, member, LocalDate.of(1981, 6, 30));
        given.awaitReadModel();
        Instant after = Instant.now();

        JsonNode page = auditor("/api/audit?from=1981-01-01&to=1981-12-31&size=500");

        JsonNode items = page.get("items");
        assertThat(page.get("total").asLong()).isEqualTo(13);
        assertThat(texts(items, "type")).containsExactly("GaspCreated", "GaspCadenceSet", "GroupCreated",
                "GroupCreated", "MemberJoined", "MeetingHeld", "ProposalRaised", "ProposalDiscussed",
                "ProposalSubmitted", "MeetingHeld", "ProposalValidated", "MinutesRecorded", "MemberLeft");
        assertThat(texts(items, "summary")).containsExactly(
                "GASP « GASP audité » créé (communes : Escaupont, Bruay-sur-l'Escaut)",
                "Cadence du GASP « GASP audité » fixée par an : 12 réunions du groupe des agents, 4 réunions du "
                        + "groupe des usagers, 2 sessions des référents, 1 rencontre inter-groupes",
                "Groupe « Agents audités » (agents) créé dans le GASP « GASP audité »",
                "Groupe « Référents audités » (référents) créé dans le GASP « GASP audité »",
                "Membre " + member + " ajouté au groupe « Agents audités » (institution : Médiathèque, "
                        + "rôle : animatrice)",
                "Réunion du groupe « Agents audités » du 12/02/1981 tenue (9 participants)",
                "Proposition « Guide des services » émise par le groupe « Agents audités » en réunion du groupe "
                        + "« Agents audités » du 12/02/1981",
                "Proposition « Guide des services » discutée par le groupe « Agents audités » en réunion du groupe "
                        + "« Agents audités » du 12/02/1981",
                "Proposition « Guide des services » soumise aux référents",
                "Session des référents du 19/03/1981 tenue",
                "Proposition « Guide des services » validée en session des référents du 19/03/1981",
                "Compte rendu (version 1) de la réunion du groupe « Agents audités » du 12/02/1981 enregistré",
                "Membre " + member + " parti du groupe « Agents audités »");
        assertThat(texts(items, "summary")).noneMatch(summary -> summary.contains("Delattre"));
        assertThat(texts(items, "aggregateType")).containsExactly("Gasp", "Gasp", "Group", "Group", "Group",
                "Meeting", "Proposal", "Proposal", "Proposal", "Meeting", "Proposal", "Meeting", "Group");
        assertThat(texts(items, "aggregateId")).containsExactly(ids(gasp, gasp, agents, referents, agents, meeting,
                proposal, proposal, proposal, session, proposal, meeting, agents));
        assertThat(texts(items, "sequenceNumber"))
                .containsExactly("0", "1", "0", "0", "1", "0", "0", "1", "2", "0", "3", "1", "2");
        assertThat(texts(items, "occurredOn")).containsExactly("1981-01-07", "1981-01-08", "1981-01-09",
                "1981-01-09", "1981-01-10", "1981-02-12", "1981-02-12", "1981-02-12", "1981-02-20", "1981-03-19",
                "1981-03-19", "1981-02-13", "1981-06-30");
        assertThat(texts(items, "actor")).containsExactly("secretariat", "secretariat", "secretariat",
                "secretariat", "secretariat", "secretariat", "secretariat", "secretariat", "secretariat",
                "secretariat", "referent", "secretariat", "secretariat");
        assertThat(texts(items, "role")).containsExactly("SECRETARIAT", "SECRETARIAT", "SECRETARIAT",
                "SECRETARIAT", "SECRETARIAT", "SECRETARIAT", "SECRETARIAT", "SECRETARIAT", "SECRETARIAT",
                "SECRETARIAT", "REFERENT", "SECRETARIAT", "SECRETARIAT");
        long previousIndex = 0;
        for (JsonNode item : items) {
            Instant recordedAt = Instant.parse(item.get("recordedAt").asText());
            assertThat(recordedAt).isBetween(before.minusMillis(1), after);
            long globalIndex = item.get("globalIndex").asLong();
            assertThat(globalIndex).isGreaterThan(previousIndex);
            previousIndex = globalIndex;
            assertThat(jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?")
                    .param(globalIndex).query(String.class).single())
                    .isEqualTo(item.get("eventIdentifier").asText());
            assertThat(item.get("hash").asText()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void an_event_without_business_date_is_dated_by_its_recording_day() {
        UUID probe = UUID.randomUUID();
        given.append("Probe", probe, new AuditProbe("sans date"), MetaData.with("actor", "sonde").and("role", "ADMIN"));
        given.awaitReadModel();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

        JsonNode items = auditor("/api/audit?type=AuditProbe&from=" + today + "&to=" + today).get("items");

        JsonNode entry = items.get(items.size() - 1);
        assertThat(entry.get("aggregateId").asText()).isEqualTo(probe.toString());
        assertThat(entry.get("occurredOn").isNull()).isTrue();
        assertThat(entry.get("summary").asText()).isEqualTo("Événement AuditProbe enregistré");
        assertThat(entry.get("actor").asText()).isEqualTo("sonde");
        assertThat(auditor("/api/audit?type=AuditProbe&to=" + today.minusDays(1)).get("total").asLong()).isZero();
    }

    @Test
    void the_log_narrows_by_business_date_actor_and_type_and_pages_oldest_first() {
        UUID gasp = given.gasp("GASP filtré", LocalDate.of(1982, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents filtrés", LocalDate.of(1982, 1, 2));
        UUID first = given.raise(gasp, agents, null, "Première", LocalDate.of(1982, 1, 10));
        UUID second = given.raise(gasp, agents, null, "Deuxième", LocalDate.of(1982, 2, 10));
        UUID third = given.raise(gasp, agents, null, "Troisième", LocalDate.of(1982, 3, 10));
        given.append("Proposal", first, new ProposalValidated(first, null, null, LocalDate.of(1982, 3, 15)),
                MetaData.with("actor", "referente-1982").and("role", "REFERENT"));
        UUID fourth = given.raise(gasp, agents, null, "Quatrième", LocalDate.of(1982, 4, 10));
        given.awaitReadModel();

        JsonNode spring = auditor("/api/audit?from=1982-02-01&to=1982-03-31");
        assertThat(spring.get("total").asLong()).isEqualTo(3);
        assertThat(texts(spring.get("items"), "summary")).containsExactly(
                "Proposition « Deuxième » émise par le groupe « Agents filtrés »",
                "Proposition « Troisième » émise par le groupe « Agents filtrés »",
                "Proposition « Première » validée");

        JsonNode raised = auditor("/api/audit?from=1982-01-01&to=1982-12-31&type=ProposalRaised");
        assertThat(texts(raised.get("items"), "aggregateId")).containsExactly(ids(first, second, third, fourth));

        JsonNode byActor = auditor("/api/audit?actor=referente-1982");
        assertThat(byActor.get("total").asLong()).isEqualTo(1);
        assertThat(byActor.get("items").get(0).get("type").asText()).isEqualTo("ProposalValidated");
        assertThat(byActor.get("items").get(0).get("role").asText()).isEqualTo("REFERENT");

        String year = "/api/audit?from=1982-01-01&to=1982-12-31&size=2";
        JsonNode firstPage = auditor(year + "&page=0");
        assertThat(firstPage.get("total").asLong()).isEqualTo(7);
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(texts(firstPage.get("items"), "type")).containsExactly("GaspCreated", "GroupCreated");
        assertThat(texts(auditor(year + "&page=1").get("items"), "aggregateId")).containsExactly(ids(first, second));
        assertThat(texts(auditor(year + "&page=2").get("items"), "type"))
                .containsExactly("ProposalRaised", "ProposalValidated");
        assertThat(texts(auditor(year + "&page=3").get("items"), "aggregateId")).containsExactly(ids(fourth));
        assertThat(auditor(year + "&page=4").get("items")).isEmpty();
    }

    @Test
    void events_audited_in_one_batch_are_named_with_what_the_batch_learnt_and_its_last_names_are_kept() {
        StreamingEventProcessor audit = processing.eventProcessor(AuditProcessor.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        UUID gasp;
        UUID agents;
        UUID proposal;
        UUID other;
        audit.shutDown();
        try {
            // Appended while the processor waits: it takes them all in one batch when it resumes.
            gasp = given.gasp("GASP en lot", LocalDate.of(1977, 1, 1), "Escaupont");
            agents = given.group(gasp, AGENTS, "Agents en lot", LocalDate.of(1977, 1, 2));
            proposal = given.raise(gasp, agents, null, "Premier titre", LocalDate.of(1977, 1, 10));
            given.amendTitle(proposal, "Second titre", LocalDate.of(1977, 1, 11));
            given.discuss(proposal, agents, null, LocalDate.of(1977, 1, 12));
            other = given.raise(gasp, agents, null, "Autre proposition", LocalDate.of(1977, 1, 13));
        } finally {
            audit.start();
        }
        given.awaitReadModel();

        JsonNode items = auditor("/api/audit?from=1977-01-01&to=1977-12-31").get("items");
        assertThat(texts(items, "summary")).containsExactly(
                "GASP « GASP en lot » créé (communes : Escaupont)",
                "Groupe « Agents en lot » (agents) créé dans le GASP « GASP en lot »",
                "Proposition « Premier titre » émise par le groupe « Agents en lot »",
                "Proposition « Premier titre » modifiée : nouveau titre « Second titre »",
                "Proposition « Second titre » discutée par le groupe « Agents en lot »",
                "Proposition « Autre proposition » émise par le groupe « Agents en lot »");
        assertThat(jdbc.sql("SELECT label FROM audit_subject WHERE subject_id = ?").param(proposal)
                .query(String.class).list()).containsExactly("Second titre");
        assertThat(jdbc.sql("SELECT label FROM audit_subject WHERE subject_id = ?").param(other)
                .query(String.class).list()).containsExactly("Autre proposition");
        assertThat(auditor("/api/audit/verify").get("valid").asBoolean()).isTrue();
    }

    @Test
    void invalid_filters_are_refused_with_the_fields_at_fault() {
        assertRefused("/api/audit?from=1982-13-01", "from");
        assertRefused("/api/audit?from=1982-05-01&to=1982-04-01", "to");
        assertRefused("/api/audit?size=501", "size");
        assertRefused("/api/audit?size=0", "size");
        assertRefused("/api/audit?page=-1", "page");
        assertRefused("/api/audit?type=Proposal%20Raised", "type");
        assertRefused("/api/audit.csv?to=hier", "to");
        assertRefused("/api/audit.csv?from=1982-05-01&to=1982-04-01", "to");
        assertRefused("/api/audit/fingerprint?date=" + LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2), "date");
        assertThat(api.get("auditor", "/api/audit?size=500").status()).isEqualTo(200);
    }

    private void assertRefused(String path, String field) {
        Answer answer = api.get("auditor", path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(texts(answer.body().get("errors"), "field")).as(path).containsExactly(field);
    }

    private JsonNode auditor(String path) {
        Answer answer = api.get("auditor", path);
        assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static String[] ids(UUID... ids) {
        String[] texts = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            texts[i] = ids[i].toString();
        }
        return texts;
    }
}
