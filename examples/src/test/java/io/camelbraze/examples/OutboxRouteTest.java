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
package io.camelbraze.examples;

import java.util.List;
import java.util.Map;

import io.camelbraze.examples.infra.OutboxDatabase;
import io.camelbraze.examples.routes.OutboxRoute;
import io.camelbraze.examples.run.SampleData;
import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRouteTest extends ExampleRouteTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OutboxRoute();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // no retries inside the component: the route's redeliveries and the next poll do all retrying here
        context.getComponent("braze-trigger", BrazeTriggerComponent.class).setMaxRetries(0);
        return context;
    }

    @Test
    void marksEachRowSentWithBrazesDispatchIdAndRejectsTheInvalidRow() throws Exception {
        OutboxDatabase database = environment.database();
        SampleData.insertOutboxRows(database);

        await("no row is pending", () -> settled(database));

        braze.assertCanvasTriggered(CANVAS).times(SampleData.OUTBOX_VALID);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-23")
                .withContext("carrier", "UPS").withContext("tracking_number", "1Z999AA10123456784")
                .withAttribute("first_name", "Grace").times(1);

        // each SENT row holds the dispatch id of the request that carried it
        List<String> dispatchIds = braze.requests().stream().map(RecordedRequest::dispatchId)
                .map(id -> id.orElseThrow()).toList();
        List<Map<String, Object>> rows = database.rows();
        assertThat(rows).filteredOn(row -> "SENT".equals(row.get("status")))
                .hasSize(SampleData.OUTBOX_VALID)
                .allSatisfy(row -> assertThat(dispatchIds).contains((String) row.get("dispatch_id")));
        assertThat(rows).filteredOn(row -> "REJECTED".equals(row.get("status"))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("first_name")).isEqualTo("Linus");
                    assertThat((String) row.get("last_error")).contains("external_user_id");
                    assertThat(row.get("dispatch_id")).isNull();
                });
        assertThat(database.countByStatus()).containsOnlyKeys("SENT", "REJECTED");
    }

    @Test
    void aRowBrazeDidNotAcceptIsPolledAgainAndSentExactlyOnce() throws Exception {
        // the first delivery and the route's two redeliveries meet a 503: the row goes back to PENDING, the next
        // poll claims it again (attempt 2) and Braze accepts it
        braze.script().serverError(3, 503);
        environment.database().insertPending("customer-17", "Ada", "DHL", "JD014600003812345678");

        await("the row is sent", () -> environment.database().countByStatus().getOrDefault("SENT", 0) == 1);

        assertThat(braze.rejectedRequests()).hasSize(3);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-17").times(1);
        assertThat(environment.database().rows()).singleElement()
                .satisfies(row -> assertThat(row.get("attempts")).isEqualTo(2));
    }

    @Test
    void aRowAnsweredWith504IsFlaggedInDoubtAndNeverResent() throws Exception {
        // a gateway timeout: Braze may have processed the request, so neither a redelivery nor the next poll sends it
        braze.script().serverError(1, 504);
        environment.database().insertPending("customer-17", "Ada", "DHL", "JD014600003812345678");

        await("the row is IN_DOUBT", () -> environment.database().countByStatus().getOrDefault("IN_DOUBT", 0) == 1);
        Thread.sleep(1500); // three more polls

        assertThat(braze.allRequests()).hasSize(1);
        assertThat(environment.database().rows()).singleElement()
                .satisfies(row -> assertThat((String) row.get("last_error")).contains("504"));
    }

    @Test
    void aRowCaughtMidSendByACrashIsFlaggedInDoubtAndNeverResent() throws Exception {
        OutboxDatabase database = environment.database();
        context.getRouteController().stopRoute(OutboxRoute.ROUTE_ID);
        database.insertPending("customer-17", "Ada", "DHL", "JD014600003812345678");
        new JdbcTemplate(database.dataSource())
                .update("UPDATE braze_outbox SET status = 'SENDING', attempts = 1");

        assertThat(database.recoverAfterCrash()).isEqualTo(1);
        context.getRouteController().startRoute(OutboxRoute.ROUTE_ID);
        Thread.sleep(1500);

        braze.assertNoRequests();
        assertThat(database.countByStatus()).containsExactly(Map.entry("IN_DOUBT", 1));
    }

    private static boolean settled(OutboxDatabase database) {
        Map<String, Integer> counts = database.countByStatus();
        return !counts.containsKey("PENDING") && !counts.containsKey("SENDING") && !counts.isEmpty();
    }
}
