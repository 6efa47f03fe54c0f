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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a fake Braze outside JUnit, for trying a running application (Spring Boot, Quarkus dev mode, Camel JBang) without
 * a Braze account:
 *
 * <pre>
 * java -jar camel-braze-trigger-test-&lt;version&gt;-standalone.jar --port 18080 --api-key my-test-key
 * </pre>
 *
 * It prints {@code baseUri=http://127.0.0.1:<port>} on its first line, then one line per request it answers (status,
 * path, target id, recipient count; never a key or a recipient), and runs until stopped (Ctrl-C). The same checks as in
 * tests; faults are scripted with {@code --fault} at start, or typed on standard input while it runs (one a line, same
 * syntax), e.g. {@code serverError:2:503}. Run with {@code --help} for every option.
 */
public final class FakeBrazeMain {

    static final String USAGE = """
            Usage: java -jar camel-braze-trigger-test-<version>-standalone.jar [options]

            A fake Braze REST API on 127.0.0.1: the trigger send, schedule and send-id endpoints, with Braze's checks,
            rate limits and answers. Prints baseUri=<uri> first; point the component's baseUri option at it.

            Options:
              --port <n>                  port to listen on (default 18080; 0 picks a free one)
              --api-key <key>             the key the fake accepts (default fake-braze-api-key); repeat for more keys
              --canvas-ids <a,b,...>      only these Canvas ids exist (default: any id)
              --campaign-ids <a,b,...>    only these campaign ids exist (default: any id)
              --paused-canvases <a,...>   these Canvases answer with Braze's paused notice
              --archived-canvases <a,...> these Canvases answer with Braze's archived notice
              --rate-limit <n>/<seconds>  the targeted-send bucket (default 250000/3600)
              --lowercase-headers         rate-limit header names in lowercase, as over HTTP/2
              --omit-campaign-dispatch-id campaign sends answer without a dispatch_id
              --fault <fault>             script a fault at start; repeatable
              --help                      this text

            Faults (also typed on standard input while running, one a line; "reset" clears them):
              rateLimited:<times>:<resetSeconds>        429 with the reset that far ahead
              serverError:<times>:<status>              a JSON 5xx
              badGatewayHtml:<times>                    a load balancer's HTML 502
              fatalErrors:<times>:<status>:<message>[:<error>...]   a 4xx/5xx with Braze's errors[]
              delay:<times>:<millis>                    a slow answer
              dropConnection:<times>                    connection reset before any response
              emptyResponse:<times>                     connection closed without a response
              pausedCanvas:<times>, archivedCanvas:<times>  201 with Braze's notice
              nonFatalErrors:<times>:<error>[:<error>...]   201 with errors[]
              queued:<times>                            202 {"message":"queued"}
            """;

    private FakeBrazeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        FakeBraze braze;
        try {
            braze = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            braze.stop();
            stopped.countDown();
        }, "fake-braze-stop"));
        Thread commands = new Thread(() -> readCommands(braze, System.in, System.out), "fake-braze-commands");
        commands.setDaemon(true);
        commands.start();
        stopped.await();
    }

    /**
     * Starts a fake as the command line says, prints {@code baseUri=…} and then a line per request to {@code out}.
     *
     * @throws IllegalArgumentException for an unknown option or a malformed value
     */
    static FakeBraze start(String[] args, PrintStream out) {
        FakeBraze.Builder builder = FakeBraze.builder().port(18080).journalTo(request -> out.println(describe(request)));
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--lowercase-headers" -> builder.lowercaseHeaders();
                case "--omit-campaign-dispatch-id" -> builder.omitCampaignDispatchId();
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Unknown option or missing value: " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--port" -> builder.port(number(option, value));
                        case "--api-key" -> builder.apiKey(value);
                        case "--canvas-ids" -> builder.knownCanvasIds(value.split(","));
                        case "--campaign-ids" -> builder.knownCampaignIds(value.split(","));
                        case "--paused-canvases" -> builder.pausedCanvases(value.split(","));
                        case "--archived-canvases" -> builder.archivedCanvases(value.split(","));
                        case "--rate-limit" -> rateLimit(builder, value);
                        case "--fault" -> faults.add(value);
                        default -> throw new IllegalArgumentException("Unknown option: " + option);
                    }
                }
            }
        }
        FakeBraze braze = builder.build();
        faults.forEach(fault -> script(braze.script(), fault));
        braze.start();
        out.println("baseUri=" + braze.baseUri());
        out.println("Fake Braze on " + braze.baseUri() + ": set the component's baseUri to it and its apiKey to the key given"
                    + " with --api-key (default " + FakeBraze.DEFAULT_API_KEY + "). Type a fault to script it (--help lists"
                    + " them); Ctrl-C stops.");
        out.flush();
        return braze;
    }

    /** Reads fault lines until the input ends; the fake keeps running after that. */
    static void readCommands(FakeBraze braze, InputStream in, PrintStream out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String command = line.strip();
                if (command.isEmpty()) {
                    continue;
                }
                try {
                    if (command.equals("reset")) {
                        braze.script().clear();
                        out.println("faults cleared");
                    } else {
                        script(braze.script(), command);
                        out.println("scripted " + command);
                    }
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage());
                }
            }
        } catch (IOException e) {
            out.println("standard input closed: " + e.getMessage());
        }
    }

    /**
     * Queues one fault given as {@code name:arg:arg...}.
     *
     * @throws IllegalArgumentException naming the problem
     */
    static void script(FaultScript script, String fault) {
        String[] parts = fault.split(":", -1);
        String name = parts[0];
        int times = parts.length > 1 ? number(name, parts[1]) : 1;
        switch (name) {
            case "rateLimited" -> script.rateLimited(times, number(name, arg(parts, 2, name)));
            case "serverError" -> script.serverError(times, number(name, arg(parts, 2, name)));
            case "badGatewayHtml" -> script.badGatewayHtml(times);
            case "fatalErrors" -> script.fatalErrors(times, number(name, arg(parts, 2, name)), arg(parts, 3, name),
                    Arrays.copyOfRange(parts, Math.min(4, parts.length), parts.length));
            case "delay" -> script.delay(times, Duration.ofMillis(number(name, arg(parts, 2, name))));
            case "dropConnection" -> script.dropConnection(times);
            case "emptyResponse" -> script.emptyResponse(times);
            case "pausedCanvas" -> script.pausedCanvas(times);
            case "archivedCanvas" -> script.archivedCanvas(times);
            case "nonFatalErrors" -> script.nonFatalErrors(times, Arrays.copyOfRange(parts, Math.min(2, parts.length), parts.length));
            case "queued" -> script.queued(times);
            default -> throw new IllegalArgumentException("Unknown fault: " + fault + " (--help lists them)");
        }
    }

    private static String arg(String[] parts, int index, String fault) {
        if (index >= parts.length) {
            throw new IllegalArgumentException("The fault " + fault + " needs more arguments (--help shows them)");
        }
        return parts[index];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + value);
        }
    }

    private static void rateLimit(FakeBraze.Builder builder, String value) {
        String[] parts = value.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--rate-limit: give <requests>/<seconds>, e.g. 100/60");
        }
        builder.rateLimited(number("--rate-limit", parts[0]), Duration.ofSeconds(number("--rate-limit", parts[1])));
    }

    /** One line per request: status, method, path, target id and recipient count; no key, no recipient. */
    static String describe(RecordedRequest request) {
        StringBuilder line = new StringBuilder().append(request.status()).append(' ').append(request.method()).append(' ')
                .append(request.path());
        if (request.targetId() != null) {
            line.append(' ').append(request.targetId());
        }
        if (request.json() != null) {
            line.append(" recipients=").append(request.recipients().size());
        }
        if (!request.accepted() && request.message() != null) {
            line.append(" (").append(request.message()).append(')');
        }
        return line.toString();
    }
}
