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
