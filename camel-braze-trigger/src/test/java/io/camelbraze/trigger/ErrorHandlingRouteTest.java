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

import java.time.Instant;
import java.util.Map;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures reach the route's error handler as typed exceptions; retry-safe failures are retried by the component; a 429
 * beyond the wait budget hands over to Camel's redelivery with CamelRedeliveryDelay set.
 */
class ErrorHandlingRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().knownCanvasIds("cv-1"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BrazeValidationException.class).handled(true).to("mock:rejected");
                onException(BrazeApiException.class).handled(true).to("mock:failed");

                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1&retryInitialDelay=10&retryMaxDelay=50");
                from("direct:noRetry").to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0");
                from("direct:wrongKey").to("braze-trigger:canvas?canvasId=cv-1&apiKey=RAW(wrong-key-4711)");
                from("direct:unknownCanvas").to("braze-trigger:canvas?canvasId=cv-unknown");
                from("direct:shortBudget").to("braze-trigger:canvas?canvasId=cv-1&rateLimitMaxWait=100");
            }
        };
    }

    @Test
    void validationFailuresGoToTheirHandler() throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);
        template.sendBody("direct:send", Map.of("external_user_id", "1", "email", "x@example.com"));
        rejected.assertIsSatisfied();
        assertThat(rejected.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, BrazeValidationException.class)
                .getField()).isEqualTo("recipients[0]");
        braze.assertNoRequests();
    }

    @Test
    void aWrongKeyIsA401WithTheEchoedKeyScrubbed() throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        template.sendBody("direct:wrongKey", Map.of("external_user_id", "1"));
        failed.assertIsSatisfied();

        BrazeApiException e = failed.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, BrazeApiException.class);
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.isRetrySafe()).isFalse();
        assertThat(e.getMessage()).doesNotContain("wrong-key-4711").contains("****");
        assertThat(braze.rejectedRequests()).hasSize(1);
    }

    @Test
    void braze400IsNotRetried() throws Exception {
        getMockEndpoint("mock:failed").expectedMessageCount(1);
        template.sendBody("direct:unknownCanvas", Map.of("external_user_id", "1"));
        getMockEndpoint("mock:failed").assertIsSatisfied();
        assertThat(braze.rejectedRequests()).hasSize(1);
        assertThat(braze.rejectedRequests().get(0).status()).isEqualTo(400);
    }

    @Test
    void serverErrorsAreRetriedByTheComponent() {
        braze.script().serverError(2, 503);
        Exchange result = template.request("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "1")));
        assertThat(result.getException()).isNull();
        braze.assertCanvasTriggered("cv-1").forExternalUserId("1").times(1);
        assertThat(braze.allRequests()).hasSize(3);
    }

    @Test
    void htmlBadGatewayWithoutRetriesIsABrazeApiException() throws Exception {
        braze.script().badGatewayHtml(1);
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        template.sendBody("direct:noRetry", Map.of("external_user_id", "1"));
        failed.assertIsSatisfied();
        BrazeApiException e = failed.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, BrazeApiException.class);
        assertThat(e.getStatusCode()).isEqualTo(502);
        assertThat(e.isRetrySafe()).isTrue();
    }

    @Test
    void a429WithANearResetIsWaitedOutAndRetried() {
        braze.script().rateLimited(1, 1);
        Exchange result = template.request("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "1")));
        assertThat(result.getException()).isNull();
        braze.assertCanvasTriggered("cv-1").forExternalUserId("1").times(1);
    }

    @Test
    void a429BeyondTheWaitBudgetSetsCamelRedeliveryDelay() throws Exception {
        braze.script().rateLimited(1, 30);
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        template.sendBody("direct:shortBudget", Map.of("external_user_id", "1"));
        failed.assertIsSatisfied();

        Exchange exchange = failed.getExchanges().get(0);
        BrazeRateLimitException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, BrazeRateLimitException.class);
        assertThat(e.getResetTime()).isAfter(Instant.now().plusSeconds(20));
        assertThat(e.isRetrySafe()).isTrue();
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isBetween(20_000L, 31_000L);
    }
}
