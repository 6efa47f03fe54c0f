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

    /** The three file routes: Java DSL, YAML DSL, YAML through the Kamelet. */
    public static final List<String[]> FILE_ROUTES = List.of(
            new String[] { OrdersFileRoute.ROUTE_ID, OrdersFileRoute.FOLDER },
            new String[] { "orders-file-yaml", "orders-yaml" },
            new String[] { "orders-kamelet", "orders-kamelet" });

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDER_ROWS = SampleData.ORDERS_VALID + SampleData.ORDERS_INVALID;

    private final ExampleEnvironment environment;
    private final SendLedger ledger;

    public Outcomes(ExampleEnvironment environment, SendLedger ledger) {
        this.environment = environment;
        this.ledger = ledger;
    }

    public List<SourceReport> collect() throws Exception {
        List<SourceReport> reports = new ArrayList<>();
        for (String[] route : FILE_ROUTES) {
            reports.add(fileRoute(route[0], route[1]));
        }
        reports.add(queue());
        reports.add(sftp());
        reports.add(outbox());
        return reports;
    }

    SourceReport fileRoute(String routeId, String folder) {
        Path base = environment.filesFolder(folder);
        List<String> rejectLines = lines(base.resolve("rejects"), ".rejects.txt");
        boolean settled = files(base.resolve("inbox"), ".csv").isEmpty() && !files(base.resolve("done"), ".csv").isEmpty();
        return new SourceReport(routeId, "CSV rows", ORDER_ROWS, ledger.exchanges(routeId), rejectLines.size(),
                                folder + "/rejects/" + SampleData.ORDERS_FILE + ".rejects.txt", rejectLines, settled,
                                ledger.requests(routeId) + " requests, one per row; the CSV moved to " + folder + "/done/");
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
        int rejected = 0;
        List<String> reasons = new ArrayList<>();
        for (Path failed : files(batches.resolve(".failed"), ".json")) {
            rejected += JSON.readTree(failed.toFile()).size();
            Path reason = failed.resolveSibling(failed.getFileName() + ".reason.txt");
            reasons.add(failed.getFileName() + ": " + (Files.exists(reason) ? Files.readString(reason).trim() : "?"));
        }
        String routeId = SftpBatchRoute.ROUTE_ID;
        int seeded = SampleData.BATCH_LARGE_SIZE + SampleData.BATCH_SMALL_SIZE + SampleData.BATCH_BROKEN_SIZE;
        return new SourceReport(routeId, "recipients", seeded, ledger.recipients(routeId), rejected,
                                "sftp:/" + SftpBatchRoute.REMOTE_DIR + "/.failed/", reasons,
                                files(batches, ".json").isEmpty(),
                                ledger.exchanges(routeId) + " files in " + ledger.requests(routeId)
                                                            + " requests, moved to /batches/.done/");
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
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
