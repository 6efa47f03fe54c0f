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
package io.camelbraze.trigger.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Processor;

/**
 * The bulk route without the component, as a Camel user would write it with camel-http + Jackson:
 * <pre>{@code
 * from("direct:baseline").split(BaselineBulkRequest.groupsOf(50)).streaming()
 *     .process(request).to("http://host/canvas/trigger/send").process(request::readDispatchId);
 * }</pre>
 * {@link #groupsOf} cuts the body (a lazy {@code Iterator} or a {@code List} of flat records) into lists of 50 as the
 * splitter reads it; this processor turns one list into a Braze request (id to {@code external_user_id}, order_id and
 * total into the {@code context}). One request at a time: the sequential streaming split is what keeps memory flat.
 */
final class BaselineBulkRequest implements Processor {

    private final ObjectMapper mapper = new ObjectMapper();
    private final String canvasId;
    private final String authorization;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong recipients = new AtomicLong();

    BaselineBulkRequest(String canvasId, String apiKey) {
        this.canvasId = canvasId;
        this.authorization = "Bearer " + apiKey;
    }

    /** Splits the body into lists of {@code size} records, read lazily. */
    static Expression groupsOf(int size) {
        return new Expression() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T evaluate(Exchange exchange, Class<T> type) {
                Object body = exchange.getMessage().getBody();
                Iterator<?> records = body instanceof Iterable<?> iterable ? iterable.iterator() : (Iterator<?>) body;
                return (T) new Groups(records, size);
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        List<Map<String, Object>> group = exchange.getMessage().getMandatoryBody(List.class);
        ObjectNode request = mapper.createObjectNode();
        request.put("canvas_id", exchange.getMessage().getHeader("CamelBrazeCanvasId", canvasId, String.class));
        ArrayNode recipients = request.putArray("recipients");
        for (Map<String, Object> row : group) {
            ObjectNode recipient = recipients.addObject();
            recipient.put("external_user_id", (String) row.get("id"));
            ObjectNode context = recipient.putObject("context");
            context.put("order_id", (String) row.get("order_id"));
            context.putPOJO("total", row.get("total"));
        }
        exchange.setProperty("benchRecipients", group.size());
        BaselineRequest.post(exchange, mapper.writeValueAsBytes(request), authorization);
    }

    /** Reads {@code dispatch_id} from Braze's answer, as the component does, and counts the request. */
    void readDispatchId(Exchange exchange) throws Exception {
        String dispatchId = mapper.readTree(exchange.getMessage().getBody(byte[].class)).path("dispatch_id").asText(null);
        exchange.getMessage().setHeader("dispatchId", dispatchId);
        requests.incrementAndGet();
        recipients.addAndGet(exchange.getProperty("benchRecipients", 0, Integer.class));
    }

    long requests() {
        return requests.get();
    }

    long recipients() {
        return recipients.get();
    }

    private static final class Groups implements Iterator<List<Object>> {
        private final Iterator<?> records;
        private final int size;

        Groups(Iterator<?> records, int size) {
            this.records = records;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public List<Object> next() {
            if (!records.hasNext()) {
                throw new NoSuchElementException();
            }
            List<Object> group = new ArrayList<>(size);
            while (group.size() < size && records.hasNext()) {
                group.add(records.next());
            }
            return group;
        }
    }
}
