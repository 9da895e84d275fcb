package fr.gasp.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which keys are taken, and what makes two requests the same one. */
class IdempotencyKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "4f8c2a1e-0b7d-4c8e-9a51-3f2d6e7b9c10", "commande 12 / essai #3"})
    void printable_ascii_keys_up_to_200_characters_are_taken(String key) {
        assertThat(IdempotencyFilter.fault(key)).isNull();
        assertThat(IdempotencyFilter.fault("k".repeat(200))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "clé", "tab\there", "nul\u0000", "\u007f"})
    void blank_keys_and_keys_with_other_characters_are_refused(String key) {
        assertThat(IdempotencyFilter.fault(key)).isNotNull();
    }

    @Test
    void a_key_of_201_characters_is_refused() {
        assertThat(IdempotencyFilter.fault("k".repeat(201))).contains("200");
    }

    @Test
    void the_same_request_is_the_same_method_address_query_and_body() {
        String same = hash("POST", "/api/groups", null, "{\"name\":\"A\"}");
        assertThat(hash("POST", "/api/groups", null, "{\"name\":\"A\"}")).isEqualTo(same);
        assertThat(hash("POST", "/api/groups", null, "{\"name\":\"B\"}")).isNotEqualTo(same);
        assertThat(hash("POST", "/api/groups", null, "{\"name\": \"A\"}")).isNotEqualTo(same);
        assertThat(hash("PUT", "/api/groups", null, "{\"name\":\"A\"}")).isNotEqualTo(same);
        assertThat(hash("POST", "/api/gasps", null, "{\"name\":\"A\"}")).isNotEqualTo(same);
        assertThat(hash("POST", "/api/groups", "occurredOn=2001-01-01", "{\"name\":\"A\"}")).isNotEqualTo(same);
    }

    private static String hash(String method, String uri, String query, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        return IdempotencyFilter.hash(request, body.getBytes(StandardCharsets.UTF_8));
    }
}
