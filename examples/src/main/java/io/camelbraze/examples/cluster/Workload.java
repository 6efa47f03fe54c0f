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
package io.camelbraze.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.trigger.test.RecordedRequest;

/**
 * What the cluster is given to send, and how to tell its recipients apart: file {@code n} holds recipients
 * {@code f<n>-<i>} (one JSON object a line, in Braze's field names), the queue holds events for {@code e-<i>}, one
 * recipient a message.
 */
public final class Workload {

    private static final String EVENT_PREFIX = "e-";

    private final ClusterSettings settings;

    public Workload(ClusterSettings settings) {
        this.settings = settings;
    }

    /** {@code batch-01.ndjson}, … */
    public String fileName(int file) {
        return String.format("batch-%02d.ndjson", file);
    }

    /** The file a recipient id came from, or null for an event. */
    public String fileOf(String externalUserId) {
        if (externalUserId == null || !externalUserId.startsWith("f")) {
            return null;
        }
        int dash = externalUserId.indexOf('-');
        return dash < 0 ? null : fileName(Integer.parseInt(externalUserId.substring(1, dash)));
    }

    /** The file a request's recipients came from, or null for a request of queue events. */
    public String fileOf(RecordedRequest request) {
        return request.recipients().isEmpty() ? null
                : fileOf(request.recipients().get(0).path("external_user_id").asText());
    }

        /** Every recipient the run must get accepted. */
    public Set<String> expectedRecipients() {
        Set<String> ids = new LinkedHashSet<>();
        for (int file = 1; file <= settings.files(); file++) {
            for (int i = 1; i <= settings.recipientsPerFile(); i++) {
                ids.add(fileRecipient(file, i));
            }
        }
        for (int i = 1; i <= settings.events(); i++) {
            ids.add(EVENT_PREFIX + String.format("%05d", i));
        }
        return ids;
    }

    /** Writes the files into the SFTP server's folder (on its local disk), each under a temporary name first. */
    public void dropFiles(Path batches) {
        try {
            Files.createDirectories(batches);
            for (int file = 1; file <= settings.files(); file++) {
                StringBuilder lines = new StringBuilder();
                for (int i = 1; i <= settings.recipientsPerFile(); i++) {
                    lines.append("{\"external_user_id\":\"").append(fileRecipient(file, i))
                            .append("\",\"context\":{\"batch\":\"").append(file).append("\"}}\n");
                }
                Path temporary = batches.resolve(fileName(file) + ".part");
                Files.writeString(temporary, lines, StandardCharsets.UTF_8);
                Files.move(temporary, batches.resolve(fileName(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not drop the batch files", e);
        }
    }

    /** Puts the events on the queue the nodes consume, one recipient a message. */
    public void sendEvents(ConnectionFactory broker) throws JMSException {
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(CampaignQueueRoute.QUEUE));
            for (int i = 1; i <= settings.events(); i++) {
                producer.send(session.createTextMessage("{\"external_user_id\":\"" + EVENT_PREFIX + String.format("%05d", i)
                                                        + "\",\"trigger_properties\":{\"event\":\"signup\"}}"));
            }
        }
    }

    private static String fileRecipient(int file, int i) {
        return String.format("f%02d-%05d", file, i);
    }
}
