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
package io.camelbraze.trigger;

import java.util.Map;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A send that failed after the component's retries says how often it was sent and how long the retries waited. */
class RetryReportRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1&maxRetries=3&retryInitialDelay=10&retryMaxDelay=40");
            }
        };
    }

    @Test
    void aFailureAfterRetriesNamesTheAttemptsAndTheWait() {
        braze.script().serverError(FaultScript.UNLIMITED, 500);

        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "u1")));

        assertThat(exchange.getException()).isInstanceOfSatisfying(BrazeApiException.class, failure -> {
            assertThat(failure.getStatusCode()).isEqualTo(500);
            assertThat(failure.getMessage()).startsWith("Braze answered HTTP 500").contains("Sent 4 times, waiting ")
                    .contains(" ms between the attempts in all");
        });
        assertThat(braze.allRequests()).hasSize(4);
    }

    @Test
    void aFailureWithoutRetriesSaysNothingOfAttempts() {
        braze.script().fatalErrors(FaultScript.UNLIMITED, 400, "Canvas does not exist");

        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "u1")));

        assertThat(exchange.getException()).isInstanceOf(BrazeApiException.class);
        assertThat(exchange.getException().getMessage()).doesNotContain("Sent ");
    }
}
