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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.test.FakeBraze;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rateLimitMaxWait} (issue 8, item 10): waiting for Braze's first answer is not a rate-limit wait, and the option
 * bounds a request's rate-limit waits in all, not each wait.
 */
class RateLimitWaitRouteTest {

    private FakeBraze braze;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (braze != null) {
            braze.stop();
        }
    }

    private List<Exception> start(FakeBraze.Builder fake, String options) throws Exception {
        braze = fake.build().start();
        context = new DefaultCamelContext();
        context.addComponent("braze-trigger", new BrazeTriggerComponent());
        braze.configure(context);
        List<Exception> failures = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> failures.add(e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class)));
                from("seda:records?concurrentConsumers=10").routeId("records")
                        .to("braze-trigger:campaign?campaignId=cmp-1&" + options);
            }
        });
        context.start();
        return failures;
    }

    private void send(int records) {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("records").whenDone(records).create();
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < records; i++) {
            template.sendBody("seda:records", Map.of("external_user_id", "u" + i));
        }
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("every record done").isTrue();
    }

    @Test
    void waitingForTheFirstAnswerIsNotARateLimitWait() throws Exception {
        // Braze has plenty left and never answers 429: no send may fail, even with no rate-limit wait allowed at all
        List<Exception> failures = start(FakeBraze.builder(), "rateLimitMaxWait=0");

        send(10);

        assertThat(failures).isEmpty();
        assertThat(braze.requests()).hasSize(10);
    }

    @Test
    void rateLimitMaxWaitBoundsARequestsWaitsInAllNotEachWait() throws Exception {
        // 2 requests per 2-second window: each single wait is at most about 2 s, within rateLimitMaxWait, but the later
        // records would wait several windows in all
        List<Exception> failures = start(FakeBraze.builder().rateLimited(2, Duration.ofSeconds(2)),
                "rateLimitMaxWait=3000&maxRetries=5");

        send(8);

        System.out.printf("rateLimitMaxWait=3000 at 2 requests per 2 s: %d of 8 records accepted, %d failed, %d answered 429%n",
                braze.requests().size(), failures.size(),
                braze.rejectedRequests().stream().filter(r -> r.status() == 429).count());
        assertThat(failures).as("records whose waits would add up beyond rateLimitMaxWait").isNotEmpty()
                .allSatisfy(e -> assertThat(e).isInstanceOf(BrazeRateLimitException.class)
                        .hasMessageContaining("in all, beyond rateLimitMaxWait (3000 ms)")
                        .hasMessageContaining("was not sent"));
        assertThat(braze.requests().size() + failures.size()).isEqualTo(8);
        assertThat(braze.rejectedRequests()).as("paced: Braze never had to refuse").isEmpty();
    }
}
