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

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The one Jackson configuration the component reads and writes Braze JSON with:
 * <ul>
 * <li>unknown properties fail, so a typo such as {@code extrenal_user_id} is reported instead of silently dropped;</li>
 * <li>a duplicate key in a JSON document fails (which of the two values Braze would use is unknown);</li>
 * <li>{@code java.util.Date} and {@code java.time} values (from POJOs or SQL rows) are written as ISO 8601 strings, which is
 * what Braze expects for dates in attributes and properties.</li>
 * </ul>
 * Null fields of the typed model are left out by the model's own {@code @JsonInclude(NON_NULL)}; nulls inside maps (an
 * attribute set to null removes it in Braze) are kept.
 */
public final class BrazeJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("braze-iso-time").addSerializer(TemporalAccessor.class, new IsoTemporalSerializer()))
            .build();

    private BrazeJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it: every part of the component relies on the settings above. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value as UTF-8 JSON bytes, as sent to Braze. */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** java.time values as ISO 8601 text; zoned values with their offset only (a region id is not ISO 8601). */
    private static final class IsoTemporalSerializer extends StdSerializer<TemporalAccessor> {

        private static final long serialVersionUID = 1L;

        IsoTemporalSerializer() {
            super(TemporalAccessor.class);
        }

        @Override
        public void serialize(TemporalAccessor value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value instanceof ZonedDateTime zoned) {
                generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned));
            } else if (value instanceof OffsetDateTime offset) {
                generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offset));
            } else {
                generator.writeString(value.toString());
            }
        }
    }
}
