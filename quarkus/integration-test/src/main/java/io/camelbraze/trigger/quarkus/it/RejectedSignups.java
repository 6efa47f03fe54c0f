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
package io.camelbraze.trigger.quarkus.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The signups route's dead letter: keeps each refused record's exception (an application would store or alert). */
@ApplicationScoped
public class RejectedSignups implements Processor {

    private final List<Exception> failures = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        failures.add(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    public List<Exception> failures() {
        return List.copyOf(failures);
    }

    public void clear() {
        failures.clear();
    }
}
