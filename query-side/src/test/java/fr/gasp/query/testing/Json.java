package fr.gasp.query.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small readers for the JSON answers the tests look into. */
public final class Json {

    private Json() {
    }

    /** The item of a list whose {@code id} is {@code id}. */
    public static JsonNode byId(JsonNode list, UUID id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    /** The ids of a list, in order. */
    public static List<String> ids(JsonNode list) {
        return texts(list, "id");
    }

    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** One field of every item of a list, in order. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }
}
