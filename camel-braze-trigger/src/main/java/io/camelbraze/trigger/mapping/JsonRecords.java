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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import org.apache.camel.StreamCache;

import io.camelbraze.trigger.BrazeValidationException;

/**
 * Reads JSON from a stream without loading it whole: a top-level array or a sequence of objects (newline-delimited JSON)
 * becomes a {@link RecordReader}; a single object is returned as a map (a request or one recipient, as before); blank
 * input is {@code null}.
 */
final class JsonRecords {

    private JsonRecords() {
    }

    /**
     * @return {@code null}, a {@code Map<String, Object>} or a {@link RecordReader} (which then owns {@code input})
     */
    static Object read(InputStream input) {
        try {
            return read(BrazeJson.mapper().getFactory().createParser(input), input);
        } catch (IOException e) {
            close(null, input);
            throw new UncheckedIOException("Cannot read the message body", e);
        }
    }

    static Object read(Reader input) {
        try {
            return read(BrazeJson.mapper().getFactory().createParser(input), input);
        } catch (IOException e) {
            close(null, input);
            throw new UncheckedIOException("Cannot read the message body", e);
        }
    }

    private static Object read(JsonParser parser, Closeable input) {
        boolean handedOver = false;
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw new BrazeValidationException("body", "JSON must be an object (a request or a recipient) or an array"
                                                           + " (recipients), found " + first.asString());
            }
            if (first == JsonToken.START_ARRAY) {
                parser.clearCurrentToken(); // the iterator then reads the array's elements, not the array
            }
            MappingIterator<Object> values = BrazeJson.mapper().readerFor(Object.class).readValues(parser);
            AutoCloseable resource = () -> close(values, input);
            if (first == JsonToken.START_ARRAY) {
                handedOver = true;
                return new RecordReader(new Records(values), resource);
            }
            Object object = values.nextValue();
            if (!values.hasNextValue()) {
                return object;
            }
            // more than one top-level object: newline-delimited JSON, one record a line
            handedOver = true;
            return RecordReader.startingWith(object, new Records(values), resource);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message body", e);
        } catch (RuntimeException e) {
            throw e.getCause() instanceof JsonProcessingException json ? malformed(json) : e;
        } finally {
            if (!handedOver) {
                close(null, input);
            }
        }
    }

    private static void close(MappingIterator<Object> values, Closeable input) {
        try {
            if (values != null) {
                values.close();
            }
            if (input instanceof StreamCache cache) {
                cache.reset(); // let a redelivery or a later processor read the body again
            } else {
                input.close();
            }
        } catch (IOException e) {
            // nothing was lost: the records were read or their failure reported
        }
    }

    static BrazeValidationException malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new BrazeValidationException("body", "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    /** The values of a MappingIterator, with Jackson's failures as validation errors naming the place. */
    private static final class Records implements java.util.Iterator<Object> {
        private final MappingIterator<Object> values;

        Records(MappingIterator<Object> values) {
            this.values = values;
        }

        @Override
        public boolean hasNext() {
            try {
                return values.hasNextValue();
            } catch (JsonProcessingException e) {
                throw malformed(e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the message body", e);
            } catch (RuntimeException e) {
                throw e.getCause() instanceof JsonProcessingException json ? malformed(json) : e;
            }
        }

        @Override
        public Object next() {
            try {
                Object value = values.nextValue();
                return value instanceof Map<?, ?> map ? BodyReader.stringKeyed(map) : value;
            } catch (JsonProcessingException e) {
                throw malformed(e);
            } catch (RuntimeException e) {
                throw e.getCause() instanceof JsonProcessingException json ? malformed(json) : e;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the message body", e);
            }
        }
    }
}
