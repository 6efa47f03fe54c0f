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

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.WrappedFile;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Reads a message body into one of the shapes the mapper works with: {@code null} (no body), a {@link TriggerRequest}, a
 * {@link Recipient}, a {@code Map<String, Object>} (a JSON object, a map or a converted POJO), a {@code List<Object>} (a
 * collection or array, elements left as they are) or a {@link RecordReader} (an {@code Iterator}, {@code Stream} or
 * non-collection {@code Iterable}, and a JSON array or newline-delimited JSON in text, bytes, streams and files, read
 * lazily). Text, bytes, streams and files are parsed as UTF-8 JSON; blank text counts as no body.
 */
final class BodyReader {

    private BodyReader() {
    }

    static Object read(Object body) {
        if (body == null || body instanceof TriggerRequest || body instanceof Recipient) {
            return body;
        }
        if (body instanceof Map<?, ?> map) {
            return stringKeyed(map);
        }
        if (body instanceof JsonNode node) {
            return fromJsonValue(BrazeJson.mapper().convertValue(node, Object.class));
        }
        if (body instanceof CharSequence text) {
            return JsonRecords.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        if (body instanceof byte[] bytes) {
            return JsonRecords.read(new ByteArrayInputStream(bytes));
        }
        if (body instanceof InputStream || body instanceof Reader || body instanceof File || body instanceof Path
            || body instanceof WrappedFile<?>) {
            return body instanceof Reader reader ? JsonRecords.read(reader) : JsonRecords.read(open(body));
        }
        if (body instanceof Collection<?> || body.getClass().isArray()) {
            return elements(body);
        }
        if (body instanceof Iterator<?> iterator) {
            return new RecordReader(iterator, iterator instanceof AutoCloseable closeable ? closeable : null);
        }
        if (body instanceof Stream<?> stream) {
            return new RecordReader(stream.iterator(), stream);
        }
        if (body instanceof Iterable<?> iterable) {
            return new RecordReader(iterable.iterator(), iterable instanceof AutoCloseable closeable ? closeable : null);
        }
        if (body instanceof Number || body instanceof Boolean || body instanceof Character || body instanceof Enum<?>) {
            throw new BrazeValidationException("body", "a " + body.getClass().getSimpleName()
                                                       + " is neither a Braze request nor a recipient");
        }
        return pojo(body);
    }

    /**
     * The map itself when its keys are Strings (so a case-insensitive map, such as camel-sql's rows, keeps working for
     * flat-record lookups), else a copy with String keys. Never modified.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeyed(Map<?, ?> map) {
        boolean stringKeys = map.keySet().stream().allMatch(key -> key instanceof String);
        return stringKeys ? (Map<String, Object>) map : TreeConverter.stringKeys(map);
    }

    /** A Java bean or record body, as the map Jackson makes of it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> pojo(Object body) {
        try {
            return BrazeJson.mapper().convertValue(body, Map.class);
        } catch (IllegalArgumentException e) {
            throw new BrazeValidationException("body", "a " + body.getClass().getName() + " cannot be read as JSON: "
                                                       + e.getMessage(), e);
        }
    }

    private static List<Object> elements(Object body) {
        if (body instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        List<Object> elements = new ArrayList<>(Array.getLength(body));
        for (int i = 0; i < Array.getLength(body); i++) {
            elements.add(Array.get(body, i));
        }
        return elements;
    }

    /** A stream over the body's bytes; the caller closes it (a StreamCache is reset instead, so it can be read again). */
    private static InputStream open(Object source) {
        try {
            if (source instanceof WrappedFile<?> wrapped) {
                Object file = wrapped.getFile();
                if (file instanceof File || file instanceof Path) {
                    return open(file);
                }
                // a remote file (FTP and the like) carries its content as the body
                Object content = wrapped.getBody();
                if (content == null || content == wrapped) {
                    throw new BrazeValidationException("body", "the file " + wrapped + " has no content to read");
                }
                return content instanceof byte[] bytes ? new ByteArrayInputStream(bytes) : open(content);
            }
            if (source instanceof File file) {
                return Files.newInputStream(file.toPath());
            }
            if (source instanceof Path path) {
                return Files.newInputStream(path);
            }
            if (source instanceof InputStream stream) {
                return stream;
            }
            if (source instanceof CharSequence text) {
                return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message body", e);
        }
        throw new BrazeValidationException("body", "cannot read JSON from a " + source.getClass().getName());
    }

    @SuppressWarnings("unchecked")
    private static Object fromJsonValue(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return value;
        }
        throw new BrazeValidationException("body", "JSON must be an object (a request or a recipient) or an array (recipients),"
                                                   + " found a " + value.getClass().getSimpleName());
    }
}
