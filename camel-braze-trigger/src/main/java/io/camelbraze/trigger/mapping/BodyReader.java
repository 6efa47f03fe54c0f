package io.camelbraze.trigger.mapping;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Reads a message body into one of the shapes the mapper works with: {@code null} (no body), a {@link TriggerRequest}, a
 * {@link Recipient}, a {@code Map<String, Object>} (a JSON object, a map or a converted POJO) or a {@code List<Object>} (a
 * JSON array, collection, array or iterable, elements left as they are). Text, bytes, streams and files are parsed as UTF-8
 * JSON; blank text counts as no body.
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
            return parse(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (body instanceof byte[] bytes) {
            return parse(bytes);
        }
        if (body instanceof InputStream || body instanceof Reader || body instanceof File || body instanceof Path
            || body instanceof WrappedFile<?>) {
            return parse(readBytes(body));
        }
        if (body instanceof Iterable<?> || body instanceof Iterator<?> || body.getClass().isArray()) {
            return elements(body);
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
        List<Object> elements = new ArrayList<>();
        if (body instanceof Iterable<?> iterable) {
            iterable.forEach(elements::add);
        } else if (body instanceof Iterator<?> iterator) {
            iterator.forEachRemaining(elements::add);
        } else {
            for (int i = 0; i < Array.getLength(body); i++) {
                elements.add(Array.get(body, i));
            }
        }
        return elements;
    }

    private static byte[] readBytes(Object source) {
        try {
            if (source instanceof WrappedFile<?> wrapped) {
                Object file = wrapped.getFile();
                if (file instanceof File || file instanceof Path) {
                    return readBytes(file);
                }
                // a remote file (FTP and the like) carries its content as the body
                Object content = wrapped.getBody();
                if (content == null || content == wrapped) {
                    throw new BrazeValidationException("body", "the file " + wrapped + " has no content to read");
                }
                return content instanceof byte[] bytes ? bytes : readBytes(content);
            }
            if (source instanceof File file) {
                return Files.readAllBytes(file.toPath());
            }
            if (source instanceof Path path) {
                return Files.readAllBytes(path);
            }
            if (source instanceof Reader reader) {
                StringWriter text = new StringWriter();
                reader.transferTo(text);
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
            if (source instanceof InputStream stream) {
                byte[] bytes = stream.readAllBytes();
                if (stream instanceof StreamCache cache) {
                    cache.reset(); // let a redelivery or a later processor read the body again
                }
                return bytes;
            }
            if (source instanceof CharSequence text) {
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message body", e);
        }
        throw new BrazeValidationException("body", "cannot read JSON from a " + source.getClass().getName());
    }

    private static Object parse(byte[] json) {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return fromJsonValue(BrazeJson.mapper().readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BrazeValidationException("body", "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message body", e);
        }
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
