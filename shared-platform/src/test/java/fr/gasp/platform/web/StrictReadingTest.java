package fr.gasp.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How request bodies are read (StrictJsonBodies), and which Content-Types can be read at all (RequestBodyGuard). */
class StrictReadingTest {

    enum Outcome { VALIDATED, REJECTED }

    record Body(String text, List<String> texts, Integer count, Outcome outcome, UUID id, LocalDate on) {
    }

    private final ObjectMapper strict = StrictJsonBodies.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void a_well_formed_body_is_read() throws Exception {
        Body body = strict.readValue("""
                {"text":"Escaut\\t\\n🙂","texts":["a"],"count":3,"outcome":"VALIDATED",
                 "id":"4f8c2a1e-0b7d-4c8e-9a51-3f2d6e7b9c10","on":"2001-02-28"}""", Body.class);
        assertThat(body.text()).isEqualTo("Escaut\t\n🙂");
        assertThat(body.count()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"a\\u0000b\"}", "{\"texts\":[\"\\u001b\"]}", "{\"text\":\"\\ud800\"}",
            "{\"text\":\"x\\udc00\"}", "{\"text\":\"\\udc00\\ud800\"}"})
    void control_characters_and_lone_surrogates_are_refused(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(InvalidFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":12}", "{\"text\":true}", "{\"texts\":[1]}", "{\"count\":\"3\"}",
            "{\"count\":\"\"}", "{\"count\":3.5}", "{\"outcome\":0}", "{\"id\":\"\"}", "{\"on\":\"\"}",
            "{\"texts\":\"a\"}"})
    void a_value_of_another_type_is_refused(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void duplicate_keys_and_trailing_content_are_refused() {
        assertThatThrownBy(() -> strict.readValue("{\"text\":\"a\",\"text\":\"b\"}", Body.class))
                .isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> strict.readValue("{\"text\":\"a\"} {}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void nesting_beyond_twenty_levels_and_numbers_of_more_than_100_digits_are_refused() throws Exception {
        strict.readTree("[".repeat(20) + "]".repeat(20));
        assertThatThrownBy(() -> strict.readTree("[".repeat(21) + "]".repeat(21)))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> strict.readTree("1" + "0".repeat(100)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void the_mapper_it_copies_stays_lenient() throws Exception {
        ObjectMapper lenient = new ObjectMapper();
        StrictJsonBodies.strict(lenient);
        assertThat(lenient.readTree("{\"a\":1,\"a\":2}").get("a").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "application/", "garbage", "application/json; charset=klingon",
            "application/json; charset="})
    void a_content_type_that_cannot_be_read_is_named(String contentType) {
        assertThat(RequestBodyGuard.unreadable(contentType)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "text/plain", "application/xml"})
    void a_precise_content_type_is_left_to_the_endpoint(String contentType) {
        assertThat(RequestBodyGuard.unreadable(contentType)).isNull();
    }
}
