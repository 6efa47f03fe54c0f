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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelbraze.trigger.BrazeTriggerConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.Kamelet;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Records every exchange the {@code braze-trigger} component completed successfully, from the component's result headers
 * (recipient and request counts, dispatch ids). It watches sends, so it needs no change to the routes and sees sends
 * made from YAML routes and Kamelets as well. Works the same against real Braze and the fake.
 */
public final class SendLedger extends EventNotifierSupport {

    /**
     * One successful exchange: the route it came from, what Braze accepted for it, the records set aside
     * ({@code invalidRecords=skip}) and the requests skipped as accepted before ({@code idempotentRepository}).
     */
    public record Send(String routeId, int recipients, int requests, List<String> dispatchIds, int rejected,
                       int skippedRequests) {
    }

    /** Told of each exchange a route hands to {@code braze-trigger}, when it starts and once Braze accepted it. */
    public interface Listener {
        /** An exchange from {@code routeId} starts its send. */
        void sending(String routeId, Exchange exchange);

        /** Braze accepted what {@code send} counts. */
        void sent(Send send, Exchange exchange);
    }

    private static final Listener NOBODY = new Listener() {
        @Override
        public void sending(String routeId, Exchange exchange) {
        }

        @Override
        public void sent(Send send, Exchange exchange) {
        }
    };

    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final Listener listener;

    public SendLedger() {
        this(NOBODY);
    }

    /** A ledger that also tells {@code listener} of every send. */
    public SendLedger(Listener listener) {
        this.listener = listener;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    // Camel emits a "sent" event only for sends it also announced as "sending": both must stay enabled
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent || event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending
            && sending.getEndpoint().getEndpointUri().startsWith("braze-trigger:")) {
            listener.sending(sourceRoute(sending.getExchange()), sending.getExchange());
        }
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        Exchange exchange = sent.getExchange();
        if (!sent.getEndpoint().getEndpointUri().startsWith("braze-trigger:") || exchange.getException() != null) {
            return;
        }
        int recipients = exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT, 0, Integer.class);
        int requests = exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT, 1, Integer.class);
        List<?> ids = exchange.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_IDS, List.class);
        List<String> dispatchIds = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> dispatchIds.add(id == null ? null : id.toString()));
        } else if (exchange.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID) != null) {
            dispatchIds.add(exchange.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID, String.class));
        }
        int rejected = exchange.getMessage().getHeader(BrazeTriggerConstants.REJECTED_COUNT, 0, Integer.class);
        int skipped = exchange.getMessage().getHeader(BrazeTriggerConstants.SKIPPED_REQUESTS, 0, Integer.class);
        Send send = new Send(sourceRoute(exchange), recipients, requests, Collections.unmodifiableList(dispatchIds), rejected,
                             skipped);
        sends.add(send);
        listener.sent(send, exchange);
    }

    /** The route the exchange came from; for a send made inside a Kamelet, the route that called the Kamelet. */
    private static String sourceRoute(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        Route route = routeId == null ? null : exchange.getContext().getRoute(routeId);
        if (route != null && route.isCreatedByKamelet() && exchange.getContext() instanceof ModelCamelContext model) {
            RouteDefinition definition = model.getRouteDefinition(routeId);
            Object parent = definition == null ? null : definition.getTemplateParameters().get(Kamelet.PARENT_ROUTE_ID);
            if (parent != null) {
                return parent.toString();
            }
        }
        return routeId;
    }

    public List<Send> sends() {
        return List.copyOf(sends);
    }

    /** Exchanges the route sent successfully. */
    public int exchanges(String routeId) {
        return (int) sends.stream().filter(s -> routeId.equals(s.routeId())).count();
    }

    /** Recipients the route sent successfully. */
    public int recipients(String routeId) {
        return sends.stream().filter(s -> routeId.equals(s.routeId())).mapToInt(Send::recipients).sum();
    }

    /** HTTP requests Braze accepted for the route. */
    public int requests(String routeId) {
        return sends.stream().filter(s -> routeId.equals(s.routeId())).mapToInt(Send::requests).sum();
    }

    /** Records the route's sends set aside as invalid. */
    public int rejected(String routeId) {
        return sends.stream().filter(s -> routeId.equals(s.routeId())).mapToInt(Send::rejected).sum();
    }

    /** Requests the route did not send because the idempotent repository knew Braze had accepted them. */
    public int skippedRequests(String routeId) {
        return sends.stream().filter(s -> routeId.equals(s.routeId())).mapToInt(Send::skippedRequests).sum();
    }

    public int totalRequests() {
        return sends.stream().mapToInt(Send::requests).sum();
    }

    public List<String> dispatchIds() {
        return sends.stream().flatMap(s -> s.dispatchIds().stream()).filter(id -> id != null).toList();
    }
}
