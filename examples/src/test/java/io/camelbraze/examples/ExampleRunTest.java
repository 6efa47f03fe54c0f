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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one command's main run, against its own in-process fake Braze. */
class ExampleRunTest {

    @Test
    void everySeededRecordIsSentOrRejectedAndTheRunExitsZero(@TempDir Path workDir) throws Exception {
        BrazeSettings fake = BrazeSettings.from(new Properties(), Map.of());
        assertThat(fake.useFake()).isTrue();

        int exitCode = new ExampleRun(fake, workDir.resolve("run"), Duration.ofSeconds(90)).run(null, null, null);

        assertThat(exitCode).isZero();
    }

    @Test
    void aRealKeyWithoutInstanceAndIdsIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> BrazeSettings.from(new Properties(), Map.of("BRAZE_API_KEY", "k")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BRAZE_INSTANCE");
        BrazeSettings real = BrazeSettings.from(new Properties(), Map.of("BRAZE_API_KEY", "secret-key", "BRAZE_INSTANCE", "eu-01",
                                                                         "BRAZE_CANVAS_ID", "cv", "BRAZE_CAMPAIGN_ID", "cp"));
        assertThat(real.useFake()).isFalse();
        assertThat(real.instance()).isEqualTo("EU-01");
        assertThat(real.toString()).doesNotContain("secret-key");
    }
}
