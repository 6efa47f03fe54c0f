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
package io.camelbraze.trigger.health;

import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Adds a {@link BrazeTriggerProducerHealthCheck} to Camel's {@code producers} health-check repository while a producer
 * runs. camel-health is optional: without it there is no repository, nothing is registered and the check class is never
 * loaded. Camel runs producer checks only when {@code camel.health.producersEnabled=true}; the component option
 * {@code healthCheckProducerEnabled} (default true) can turn this component's checks off.
 */
public final class ProducerHealthCheckRegistration {

    private static final ProducerHealthCheckRegistration NONE = new ProducerHealthCheckRegistration(null, null);

    private final WritableHealthCheckRepository repository;
    private final HealthCheck check;

    private ProducerHealthCheckRegistration(WritableHealthCheckRepository repository, HealthCheck check) {
        this.repository = repository;
        this.check = check;
    }

    /** Registers the endpoint's producer check, if Camel's health-check registry is present. */
    public static ProducerHealthCheckRegistration register(BrazeTriggerEndpoint endpoint, RateLimitRegistry.Buckets buckets) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (repository == null) {
            return NONE;
        }
        BrazeTriggerProducerHealthCheck check = new BrazeTriggerProducerHealthCheck(endpoint, buckets);
        check.setCamelContext(endpoint.getCamelContext());
        check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
        repository.addHealthCheck(check);
        return new ProducerHealthCheckRegistration(repository, check);
    }

    /** The registered check; null when none was registered. */
    public HealthCheck check() {
        return check;
    }

    /** Removes the check from the repository (no-op when none was registered). */
    public void unregister() {
        if (repository != null) {
            repository.removeHealthCheck(check);
        }
    }
}
