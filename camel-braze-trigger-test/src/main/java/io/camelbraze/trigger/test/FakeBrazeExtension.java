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
package io.camelbraze.trigger.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension around a {@link FakeBraze}: it is the fake (all of {@link FakeBraze}'s methods), started before
 * all tests, reset before each test, stopped after all.
 *
 * <h2>What you write</h2>
 * <pre>{@code
 * class OrderRouteTest extends CamelTestSupport {
 *
 *     @RegisterExtension
 *     static FakeBrazeExtension braze = new FakeBrazeExtension();
 *     // or: new FakeBrazeExtension(FakeBraze.builder().knownCanvasIds("cv-1").lowercaseHeaders());
 *
 *     @Test
 *     void triggersCanvas() {
 *         template.sendBody("direct:order", order);
 *         braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1");
 *     }
 * }
 * }</pre>
 *
 * <h2>How the component finds the fake</h2>
 * While the extension is active (from {@code beforeAll} to {@code afterAll}; from {@code beforeEach} to
 * {@code afterEach} when the field is not static):
 * <ul>
 *   <li>every {@code CamelContext} created in the JVM, such as {@code CamelTestSupport}'s, gets its
 *   {@code braze-trigger} component's {@code baseUri} and {@code apiKey} set to the fake
 *   ({@link FakeBrazeContextPlugin}, a Camel {@code ContextServicePlugin} + {@code ComponentCustomizer}), so the test
 *   needs no other change and no network;</li>
 *   <li>the system properties {@code braze.baseUri} and {@code braze.apiKey} hold the fake's values, so routes and
 *   configuration written with {@code {{braze.baseUri}}} / {@code {{braze.apiKey}}} resolve to it (previous values
 *   are restored afterwards);</li>
 *   <li>for a context built another way, or to be explicit, call {@link #configure(org.apache.camel.CamelContext)}.</li>
 * </ul>
 * One active fake per JVM: test classes that each register one must not run in parallel.
 */
public class FakeBrazeExtension extends FakeBraze implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private final SystemProperties properties = new SystemProperties();
    private boolean perClass;

    /** An extension with the default fake (key {@value FakeBraze#DEFAULT_API_KEY}, any id). */
    public FakeBrazeExtension() {
        this(FakeBraze.builder());
    }

    /** An extension with the fake {@code builder} describes. */
    public FakeBrazeExtension(FakeBraze.Builder builder) {
        super(builder);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        activate();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            activate();
        }
        reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            deactivate();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        deactivate();
        perClass = false;
    }

    private void activate() {
        start();
        FakeBrazeBinding.activate(this);
        properties.set(FakeBrazeBinding.BASE_URI_PROPERTY, baseUri());
        properties.set(FakeBrazeBinding.API_KEY_PROPERTY, apiKey());
    }

    private void deactivate() {
        FakeBrazeBinding.deactivate(this);
        properties.restore();
        stop();
    }
}
