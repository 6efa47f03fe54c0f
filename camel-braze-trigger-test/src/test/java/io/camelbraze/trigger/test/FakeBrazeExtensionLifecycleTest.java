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

import static io.camelbraze.trigger.test.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The extension's callbacks, driven by hand (they do not use the ExtensionContext). */
class FakeBrazeExtensionLifecycleTest {

    @Test
    void staticFieldLifecycle() {
        String before = System.getProperty(FakeBrazeBinding.API_KEY_PROPERTY);
        System.setProperty(FakeBrazeBinding.BASE_URI_PROPERTY, "https://rest.iad-01.braze.com");
        FakeBrazeExtension braze = new FakeBrazeExtension();
        try {
            braze.beforeAll(null);
            assertThat(braze.isRunning()).isTrue();
            assertThat(FakeBrazeBinding.active()).containsSame(braze);
            assertThat(System.getProperty(FakeBrazeBinding.BASE_URI_PROPERTY)).isEqualTo(braze.baseUri());
            assertThat(System.getProperty(FakeBrazeBinding.API_KEY_PROPERTY)).isEqualTo(FakeBraze.DEFAULT_API_KEY);

            braze.beforeEach(null);
            braze.script().serverError(1, 503);
            new Http(braze).canvas(json("{'canvas_id':'cv','broadcast':true}"));
            assertThat(braze.requestCount()).isEqualTo(1);
            braze.afterEach(null);
            assertThat(braze.isRunning()).as("still running between tests").isTrue();

            braze.beforeEach(null);
            assertThat(braze.requestCount()).as("reset before each test").isZero();
            assertThat(new Http(braze).canvas(json("{'canvas_id':'cv','broadcast':true}")).statusCode())
                    .as("script cleared").isEqualTo(201);
            braze.afterEach(null);

            braze.afterAll(null);
            assertThat(braze.isRunning()).isFalse();
            assertThat(FakeBrazeBinding.active()).isEmpty();
            assertThat(System.getProperty(FakeBrazeBinding.BASE_URI_PROPERTY)).isEqualTo("https://rest.iad-01.braze.com");
            assertThat(System.getProperty(FakeBrazeBinding.API_KEY_PROPERTY)).isEqualTo(before);
        } finally {
            System.clearProperty(FakeBrazeBinding.BASE_URI_PROPERTY);
            braze.stop();
        }
    }

    @Test
    void instanceFieldLifecycleStartsAndStopsPerTest() {
        FakeBrazeExtension braze = new FakeBrazeExtension();
        braze.beforeEach(null);
        assertThat(braze.isRunning()).isTrue();
        assertThat(FakeBrazeBinding.active()).containsSame(braze);
        braze.afterEach(null);
        assertThat(braze.isRunning()).isFalse();
        assertThat(FakeBrazeBinding.active()).isEmpty();
        assertThat(System.getProperty(FakeBrazeBinding.BASE_URI_PROPERTY)).isNull();
    }
}
