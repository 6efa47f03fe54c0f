package io.camelbraze.trigger.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.camelbraze.trigger.mapping.BrazeJson;

/** Compares what the component writes with expected JSON as Jackson trees (order of keys does not matter). */
public final class JsonTrees {

    private JsonTrees() {
    }

    /** Asserts that {@code value}, written with {@link BrazeJson}, is the JSON {@code expected} (single quotes allowed). */
    public static void assertWritesAs(Object value, String expected) {
        assertThat(tree(BrazeJson.write(value))).isEqualTo(tree(expected.replace('\'', '"')));
    }

    /** Reads JSON text (single quotes allowed) into a value of the given type with {@link BrazeJson}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return BrazeJson.mapper().readValue(json.replace('\'', '"'), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return BrazeJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
