package io.camelbraze.examples;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.examples.run.SampleData;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SftpBatchRouteTest extends ExampleRouteTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new SftpBatchRoute();
    }

    @Test
    void sendsEveryBatchInChunksOf50AndMovesFilesOnTheServer() throws Exception {
        Path batches = environment.sftpBatches();
        SampleData.dropBatches(batches);

        await("every batch file left /batches", () -> fileNames(batches).stream().noneMatch(n -> n.endsWith(".json")));
        await("the broken batch is in .failed", () -> fileNames(batches.resolve(".failed")).contains(SampleData.BATCH_BROKEN));

        // what Braze received: 120 recipients as 50 + 50 + 20, 30 as one request; each with its own context
        assertThat(braze.requests()).extracting(r -> r.recipients().size()).containsExactlyInAnyOrder(50, 50, 20, 30);
        assertThat(braze.acceptedRecipients()).hasSize(SampleData.BATCH_LARGE_SIZE + SampleData.BATCH_SMALL_SIZE);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("summer-1").withContext("discount_percent", 15).times(1);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("summer-120").times(1);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("summer-1030").times(1);
        assertThat(braze.acceptedRecipients()).noneMatch(r -> r.externalUserId() != null && r.externalUserId().startsWith("summer-200"));

        // where the files went on the server, and why the broken one was not sent
        assertThat(fileNames(batches.resolve(".done"))).containsExactlyInAnyOrder(SampleData.BATCH_LARGE, SampleData.BATCH_SMALL);
        assertThat(fileNames(batches.resolve(".failed"))).contains(SampleData.BATCH_BROKEN, SampleData.BATCH_BROKEN + ".reason.txt");
        assertThat(Files.readString(batches.resolve(".failed").resolve(SampleData.BATCH_BROKEN + ".reason.txt")))
                .contains("recipients[1]").contains("identifier");

        // nothing lost
        assertThat(ledger.recipients(SftpBatchRoute.ROUTE_ID) + SampleData.BATCH_BROKEN_SIZE)
                .isEqualTo(SampleData.BATCH_LARGE_SIZE + SampleData.BATCH_SMALL_SIZE + SampleData.BATCH_BROKEN_SIZE);
    }
}
