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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runnable fake: options, the printed base URI, faults scripted at start and typed while it runs. */
class FakeBrazeMainTest {

    private static final String KEY = "main-test-key-4711";
    private static final String SEND = "{'canvas_id':'cv-1','recipients':[{'external_user_id':'42'}]}";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private FakeBraze braze;

    @AfterEach
    void stop() {
        if (braze != null) {
            braze.stop();
        }
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheBaseUriFirstAndAnswersAsBrazeWith() {
        braze = FakeBrazeMain.start(new String[] {"--port", "0", "--api-key", KEY, "--canvas-ids", "cv-1",
                "--fault", "serverError:1:503"}, out);

        assertThat(output().lines().findFirst()).contains("baseUri=" + braze.baseUri());
        Http http = new Http(braze);
        assertThat(http.canvas(json(SEND)).statusCode()).as("the scripted fault").isEqualTo(503);
        assertThat(http.canvas(json(SEND)).statusCode()).isEqualTo(201);
        assertThat(http.canvas(json(SEND.replace("cv-1", "cv-2"))).statusCode()).as("an unknown Canvas").isEqualTo(400);
        assertThat(http.post(BrazeEndpoint.CANVAS.path(), "wrong-key", json(SEND)).statusCode()).isEqualTo(401);

        assertThat(output()).contains("503 POST /canvas/trigger/send cv-1 recipients=1", "201 POST /canvas/trigger/send cv-1",
                "400 POST /canvas/trigger/send cv-2").doesNotContain(KEY).doesNotContain("wrong-key");
    }

    @Test
    void faultsTypedWhileRunning() {
        braze = FakeBrazeMain.start(new String[] {"--port", "0", "--api-key", KEY}, out);

        FakeBrazeMain.readCommands(braze, new ByteArrayInputStream(
                "fatalErrors:1:400:Invalid request:recipients[0] is unknown\nbogus:1\n".getBytes(StandardCharsets.UTF_8)), out);

        var answer = new Http(braze).canvas(json(SEND));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Invalid request", "recipients[0] is unknown");
        assertThat(output()).contains("scripted fatalErrors:1:400", "Unknown fault: bogus:1");
        assertThat(braze.isRunning()).as("still running after the input ended").isTrue();
    }

    @Test
    void refusesUnknownOptionsAndMalformedValues() {
        assertThatThrownBy(() -> FakeBrazeMain.start(new String[] {"--prot", "1"}, out)).hasMessageContaining("--prot");
        assertThatThrownBy(() -> FakeBrazeMain.start(new String[] {"--port", "x"}, out)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FakeBrazeMain.start(new String[] {"--fault", "serverError:1"}, out))
                .hasMessageContaining("needs more arguments");
    }
}
