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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.examples.run.SendLedger;
import org.apache.camel.Exchange;

/**
 * What one node did, as it went: a line of JSON per event in {@code report.ndjson} in the node's folder, appended at
 * once, so that the lines written before a SIGKILL survive it. A node writes it ({@link SendLedger.Listener}); the
 * coordinator reads it ({@link #read(Path)}). Braze's own journal (the fake's) stays the ground truth of what was sent;
 * this tells who sent it.
 */
public final class NodeReport implements SendLedger.Listener {

    public static final String FILE = "report.ndjson";

    /** One line: {@code started}, {@code reading} (a file's send starts) or {@code sent} (Braze accepted an exchange). */
    public record Event(long at, String node, String kind, String route, String input, int recipients, int requests,
                        int skipped, String dispatchId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String node;

    public NodeReport(Path file, String node) {
        this.file = file;
        this.node = node;
    }

    /** The node is up (written before its routes start). */
    public void started() {
        write(new Event(System.currentTimeMillis(), node, "started", null, null, 0, 0, 0, null));
    }

    @Override
    public void sending(String routeId, Exchange exchange) {
        if (SftpBatchRoute.ROUTE_ID.equals(routeId)) {
            write(new Event(System.currentTimeMillis(), node, "reading", routeId, input(exchange), 0, 0, 0, null));
        }
    }

    @Override
    public void sent(SendLedger.Send send, Exchange exchange) {
        List<String> ids = send.dispatchIds();
        write(new Event(System.currentTimeMillis(), node, "sent", send.routeId(), input(exchange), send.recipients(),
                        send.requests(), send.skippedRequests(), ids.isEmpty() ? null : ids.get(ids.size() - 1)));
    }

    private static String input(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
    }

    private synchronized void write(Event event) {
        try {
            Files.writeString(file, JSON.writeValueAsString(event) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                              StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** The events in a node's report, oldest first; a line cut short by a SIGKILL is left out. */
    public static List<Event> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Event> events = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    events.add(JSON.readValue(line, Event.class));
                } catch (JsonProcessingException partial) {
                    // the last line of a killed node may be incomplete
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Events per node, for every node folder under {@code nodesDir}. */
    public static Map<String, List<Event>> readAll(List<Path> nodeDirs) {
        Map<String, List<Event>> byNode = new LinkedHashMap<>();
        for (Path dir : nodeDirs) {
            byNode.put(dir.getFileName().toString(), read(dir.resolve(FILE)));
        }
        return byNode;
    }
}
