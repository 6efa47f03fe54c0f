/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
