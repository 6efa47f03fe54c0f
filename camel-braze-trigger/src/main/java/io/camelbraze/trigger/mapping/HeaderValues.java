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
package io.camelbraze.trigger.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeValidationException;

/** Typed reads of the component's input headers, failing with the header's name. */
final class HeaderValues {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private HeaderValues() {
    }

    /** The header as text, via Camel's type converters; null when absent. */
    static String text(Message message, String header) {
        return message.getHeader(header) == null ? null : message.getHeader(header, String.class);
    }

    /** A header holding a JSON object: a {@code Map} or JSON text. Null when absent. */
    static Map<String, Object> object(Message message, String header) {
        Object value = message.getHeader(header);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return BodyReader.stringKeyed(map);
        }
        if (value instanceof CharSequence text) {
            try {
                return BrazeJson.mapper().readValue(text.toString(), JSON_OBJECT);
            } catch (JsonProcessingException e) {
                throw new BrazeValidationException(header, "not a JSON object: " + e.getOriginalMessage(), e);
            }
        }
        throw new BrazeValidationException(header, "must be a Map or a JSON object string, found a " + value.getClass().getName());
    }

    /** A list of strings given as a {@code List}, an array or a comma-separated String; null when absent. */
    static List<String> stringList(Message message, String header) {
        Object value = message.getHeader(header);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> item == null ? null : item.toString().trim()).toList();
        }
        if (value instanceof String[] array) {
            return Arrays.stream(array).map(String::trim).toList();
        }
        if (value instanceof CharSequence text) {
            return commaSeparated(text.toString());
        }
        throw new BrazeValidationException(header, "must be a List or a comma-separated String, found a "
                                                   + value.getClass().getName());
    }

    /** The non-empty, trimmed items of a comma-separated string. */
    static List<String> commaSeparated(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
