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
package io.camelbraze.trigger.mapping;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.assertj.core.api.AbstractThrowableAssert;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.TriggerRequest;

/** Builds exchanges and endpoint configurations for the mapper tests. */
final class MappingFixture {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    static {
        CONTEXT.start();
    }

    private MappingFixture() {
    }

    static BrazeTriggerConfiguration canvas() {
        BrazeTriggerConfiguration configuration = new BrazeTriggerConfiguration();
        configuration.setOperation(BrazeOperation.canvas);
        configuration.setCanvasId("canvas-1");
        return configuration;
    }

    static BrazeTriggerConfiguration campaign() {
        BrazeTriggerConfiguration configuration = new BrazeTriggerConfiguration();
        configuration.setOperation(BrazeOperation.campaign);
        configuration.setCampaignId("campaign-1");
        return configuration;
    }

    static Exchange exchange(Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setBody(body);
        headers.forEach(exchange.getMessage()::setHeader);
        return exchange;
    }

    static TriggerRequest map(BrazeTriggerConfiguration configuration, Object body) {
        return map(configuration, body, Map.of());
    }

    static TriggerRequest map(BrazeTriggerConfiguration configuration, Object body, Map<String, Object> headers) {
        return new BrazeRequestMapper(configuration).map(exchange(body, headers));
    }

    /** Asserts the mapping fails with a BrazeValidationException for exactly this field. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(BrazeTriggerConfiguration configuration, Object body,
                                                                       Map<String, Object> headers, String field) {
        return assertThatThrownBy(() -> map(configuration, body, headers))
                .isInstanceOfSatisfying(BrazeValidationException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getField()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(BrazeTriggerConfiguration configuration, Object body,
                                                                       String field) {
        return assertRefused(configuration, body, Map.of(), field);
    }
}
