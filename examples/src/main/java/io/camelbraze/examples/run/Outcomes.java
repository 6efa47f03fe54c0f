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
package io.camelbraze.examples.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.examples.ExampleEnvironment;
import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.examples.routes.OrdersFileRoute;
import io.camelbraze.examples.routes.OutboxRoute;
import io.camelbraze.examples.routes.SftpBatchRoute;

/**
 * Reads where every seeded record went, from the places themselves (rejects files, the dead-letter queue, the SFTP
 * server's folders, the outbox table) plus the {@link SendLedger} for what Braze accepted. Nothing here trusts a
 * counter kept by the routes.
 */
public final class Outcomes {

    /**
     * A route reading the orders CSV from {@code <folder>/inbox}: in bulk (the whole file as one exchange, rejects beside
     * the input) or one exchange per row (rejects in {@code <folder>/rejects}).
     */
    public record FileRoute(String routeId, String folder, boolean bulk) {
    }

    /** The three file routes: Java DSL and YAML DSL in bulk, YAML through the Kamelet per row. */
    public static final List<FileRoute> FILE_ROUTES = List.of(
            new FileRoute(OrdersFileRoute.ROUTE_ID, OrdersFileRoute.FOLDER, true),
            new FileRoute("orders-file-yaml", "orders-yaml", true),
            new FileRoute("orders-kamelet", "orders-kamelet", false));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExampleEnvironment environment;
    private final SendLedger ledger;

    public Outcomes(ExampleEnvironment environment, SendLedger ledger) {
        this.environment = environment;
        this.ledger = ledger;
    }

    public List<SourceReport> collect() throws Exception {
        List<SourceReport> reports = new ArrayList<>();
        for (FileRoute route : FILE_ROUTES) {
            reports.add(route.bulk() ? bulkFileRoute(route.routeId(), route.folder()) : fileRoute(route.routeId(), route.folder()));
        }
        reports.add(queue());
        reports.add(sftp());
        reports.add(outbox());
        return reports;
    }

    /** The whole CSV as one exchange: sent is what Braze accepted, rejected the lines of the rejects file beside it. */
    SourceReport bulkFileRoute(String routeId, String folder) throws IOException {
        Path inbox = environment.filesFolder(folder).resolve("inbox");
        List<String> reasons = rejectReasons(inbox, OrdersFileRoute.REJECTS_SUFFIX);
        return new SourceReport(routeId, "CSV rows", SampleData.ORDERS_ROWS, ledger.recipients(routeId), reasons.size(),
                                folder + "/inbox/" + SampleData.ORDERS_FILE + OrdersFileRoute.REJECTS_SUFFIX, reasons,
                                csvSettled(folder),
                                ledger.requests(routeId) + " requests from " + ledger.exchanges(routeId)
                                + " exchange(s), one per file; the CSV moved to " + folder + "/done/");
    }

    /** One exchange per row: sent is the rows sent, rejected the lines of the rejects file. */
    SourceReport fileRoute(String routeId, String folder) {
        Path base = environment.filesFolder(folder);
        List<String> rejectLines = lines(base.resolve("rejects"), ".rejects.txt");
        return new SourceReport(routeId, "CSV rows", SampleData.ORDERS_ROWS, ledger.exchanges(routeId), rejectLines.size(),
                                folder + "/rejects/" + SampleData.ORDERS_FILE + ".rejects.txt", rejectLines, csvSettled(folder),
                                ledger.requests(routeId) + " requests, one per row; the CSV moved to " + folder + "/done/");
    }

    private boolean csvSettled(String folder) {
        Path base = environment.filesFolder(folder);
        return files(base.resolve("inbox"), ".csv").isEmpty() && !files(base.resolve("done"), ".csv").isEmpty();
    }

    SourceReport queue() throws Exception {
        List<String> reasons = environment.broker().propertyValues(CampaignQueueRoute.DEAD_LETTER_QUEUE,
                                                                   CampaignQueueRoute.REASON_HEADER);
        boolean settled = environment.broker().depth(CampaignQueueRoute.QUEUE) == 0;
        String routeId = CampaignQueueRoute.ROUTE_ID;
        return new SourceReport(routeId, "JMS messages", SampleData.QUEUE_MESSAGES.size(), ledger.exchanges(routeId),
                                reasons.size(), "JMS queue " + CampaignQueueRoute.DEAD_LETTER_QUEUE, reasons, settled,
                                ledger.recipients(routeId) + " recipients in " + ledger.requests(routeId) + " requests");
    }

    SourceReport sftp() throws IOException {
        Path batches = environment.sftpBatches();
        List<String> reasons = new ArrayList<>(rejectReasons(batches, SftpBatchRoute.REJECTS_SUFFIX));
        int rejected = reasons.size();
        // a file that could not be sent at all: every line of it counts as rejected, with the reason beside it
        for (Path failed : files(batches.resolve(".failed"), ".ndjson")) {
            rejected += nonBlankLines(failed).size();
            Path reason = failed.resolveSibling(failed.getFileName() + ".reason.txt");
            reasons.add(failed.getFileName() + ": " + (Files.exists(reason) ? Files.readString(reason).trim() : "?"));
        }
        String routeId = SftpBatchRoute.ROUTE_ID;
        boolean settled = files(batches, ".ndjson").stream()
                .allMatch(p -> p.getFileName().toString().endsWith(SftpBatchRoute.REJECTS_SUFFIX));
        return new SourceReport(routeId, "recipients", SampleData.BATCH_RECIPIENTS, ledger.recipients(routeId), rejected,
                                "sftp:/" + SftpBatchRoute.REMOTE_DIR + "/<file>" + SftpBatchRoute.REJECTS_SUFFIX, reasons,
                                settled,
                                ledger.exchanges(routeId) + " files in " + ledger.requests(routeId)
                                + " requests, moved to /batches/.done/");
    }

    /** "orders.csv position 2: recipients[2]: …", one per line of every {@code *<suffix>} file in {@code folder}. */
    static List<String> rejectReasons(Path folder, String suffix) throws IOException {
        List<String> reasons = new ArrayList<>();
        for (Path file : files(folder, suffix)) {
            String input = file.getFileName().toString();
            input = input.substring(0, input.length() - suffix.length());
            for (String line : nonBlankLines(file)) {
                JsonNode rejected = JSON.readTree(line);
                reasons.add(input + " position " + rejected.path("position").asLong() + ": " + rejected.path("reason").asText());
            }
        }
        return reasons;
    }

    SourceReport outbox() {
        Map<String, Integer> counts = environment.database().countByStatus();
        int sent = counts.getOrDefault("SENT", 0);
        int rejected = counts.getOrDefault("REJECTED", 0) + counts.getOrDefault("FAILED", 0)
                       + counts.getOrDefault("IN_DOUBT", 0);
        List<String> reasons = environment.database().rows().stream()
                .filter(row -> !"SENT".equals(row.get("status")) && row.get("last_error") != null)
                .map(row -> "row " + row.get("id") + " " + row.get("status") + ": " + row.get("last_error"))
                .toList();
        boolean settled = counts.getOrDefault("PENDING", 0) == 0 && counts.getOrDefault("SENDING", 0) == 0;
        return new SourceReport(OutboxRoute.ROUTE_ID, "table rows", SampleData.OUTBOX_VALID + SampleData.OUTBOX_INVALID,
                                sent, rejected, "table braze_outbox (status REJECTED, reason in last_error)", reasons,
                                settled, "rows marked SENT with their dispatch id (" + ledger.exchanges(OutboxRoute.ROUTE_ID)
                                         + " sends)");
    }

    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path folder, String suffix) {
        List<String> lines = new ArrayList<>();
        for (Path file : files(folder, suffix)) {
            lines.addAll(nonBlankLines(file));
        }
        return lines;
    }

    private static List<String> nonBlankLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
