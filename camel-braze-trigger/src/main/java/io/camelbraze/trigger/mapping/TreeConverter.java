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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Turns JSON trees (maps in Braze's field names) into the typed model. Jackson's errors become
 * {@link BrazeValidationException}s naming the field's path, and the legacy {@code canvas_entry_properties} is folded into
 * {@code context} here, where a clash of the two is still visible.
 */
final class TreeConverter {

    private TreeConverter() {
    }

    /** A full request from its tree; paths in errors start at the request's root. */
    static TriggerRequest toRequest(Map<String, Object> tree) {
        Map<String, Object> normalized = foldLegacyContext(tree, "");
        Object recipients = normalized.get(BrazeFieldNames.RECIPIENTS);
        if (recipients instanceof List<?> list) {
            List<Object> normalizedRecipients = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object recipient = list.get(i);
                normalizedRecipients.add(recipient instanceof Map<?, ?> map
                        ? foldLegacyContext(stringKeys(map), "recipients[" + i + "].") : recipient);
            }
            normalized.put(BrazeFieldNames.RECIPIENTS, normalizedRecipients);
        }
        return convert(normalized, TriggerRequest.class, "");
    }

    /** One recipient from its tree; {@code path} (e.g. {@code recipients[3]}) prefixes the paths in errors. */
    static Recipient toRecipient(Map<String, Object> tree, String path) {
        return convert(foldLegacyContext(tree, path + "."), Recipient.class, path);
    }

    /** Any other typed body (a schedule update's {@code schedule}) from its tree; paths in errors start at the root. */
    static <T> T toType(Map<String, Object> tree, Class<T> type) {
        return convert(tree, type, "");
    }

    /** A copy of the map with every key as a String (Camel and SQL maps may have other key types). */
    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /** A copy with {@code canvas_entry_properties} moved to {@code context}; both with different content is an error. */
    private static Map<String, Object> foldLegacyContext(Map<String, Object> tree, String prefix) {
        Map<String, Object> copy = new LinkedHashMap<>(tree);
        if (!copy.containsKey(BrazeFieldNames.LEGACY_CONTEXT)) {
            return copy;
        }
        Object legacy = copy.remove(BrazeFieldNames.LEGACY_CONTEXT);
        if (copy.containsKey(BrazeFieldNames.CONTEXT) && !Objects.equals(copy.get(BrazeFieldNames.CONTEXT), legacy)) {
            throw new BrazeValidationException(prefix + BrazeFieldNames.LEGACY_CONTEXT,
                    "both context and its legacy name canvas_entry_properties are set, with different content; send only context");
        }
        copy.put(BrazeFieldNames.CONTEXT, legacy);
        return copy;
    }

    private static <T> T convert(Object tree, Class<T> type, String prefix) {
        try {
            return BrazeJson.mapper().convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            throw translate(e, prefix);
        }
    }

    private static BrazeValidationException translate(IllegalArgumentException e, String prefix) {
        Throwable cause = e.getCause();
        if (!(cause instanceof JsonMappingException mapping)) {
            return new BrazeValidationException(prefix.isEmpty() ? "body" : prefix, "cannot be read: " + e.getMessage(), e);
        }
        String field = path(prefix, mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new BrazeValidationException(field, "unknown field; Braze's fields here are " + known, e);
        }
        String detail = mapping.getOriginalMessage();
        int lineEnd = detail == null ? -1 : detail.indexOf('\n');
        return new BrazeValidationException(field, "wrong type or shape: " + (lineEnd < 0 ? detail : detail.substring(0, lineEnd)), e);
    }

    private static String path(String prefix, List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
