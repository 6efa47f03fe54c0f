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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.util.Collections;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;

/**
 * A fake Braze REST API for {@code POST /canvas/trigger/send} and {@code POST /campaigns/trigger/send}, the six schedule
 * endpoints ({@code /canvas/trigger/schedule/create|update|delete}, {@code /campaigns/trigger/schedule/create|update|delete})
 * and {@code POST /sends/id/create}: a WireMock server on a free loopback port that checks every request as Braze would
 * (braze-api.md §8.6, §9), remembers the schedules and send ids it created, answers in Braze's shape with rate-limit
 * headers, can be scripted to misbehave, and records what it received. Needs no JUnit; for JUnit 5 use
 * {@link FakeBrazeExtension}.
 *
 * <pre>{@code
 * try (FakeBraze braze = new FakeBraze().start()) {
 *     // point the client at braze.baseUri() with braze.apiKey(), or braze.configure(camelContext)
 *     ...
 *     braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1");
 * }
 * }</pre>
 *
 * Thread-safe: requests are answered concurrently and may be inspected from any thread.
 */
public class FakeBraze implements AutoCloseable {

    /** The API key a fake accepts when no key is configured. */
    public static final String DEFAULT_API_KEY = "fake-braze-api-key";

    private final Settings settings;
    private final RequestJournal journal;
    private final FaultScript script = new FaultScript();
    private final RateLimiter rateLimiter;
    private final ScheduleBook book;
    private WireMockServer server;

    /** A fake with the defaults: one key {@value #DEFAULT_API_KEY}, any id, Braze's rate limits. */
    public FakeBraze() {
        this(builder());
    }

    /** A fake configured by {@code builder}. */
    protected FakeBraze(Builder builder) {
        this.settings = builder.settings();
        this.journal = new RequestJournal(builder.journalSink);
        this.rateLimiter = settings.rateLimiter();
        this.book = settings.scheduleBook();
    }

    /** Starts configuring a fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server (no-op when running). */
    public synchronized FakeBraze start() {
        if (server == null) {
            WireMockConfiguration options = WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .port(settings.port())
                    .containerThreads(12)
                    .jettyAcceptors(1)
                    // a delayed answer waits on a timer, not on a container thread: hundreds can be held at once, as
                    // Braze holds the requests of many senders for its round trip
                    .asynchronousResponseEnabled(true)
                    .asynchronousResponseThreads(4)
                    .disableRequestJournal()
                    .gzipDisabled(true)
                    .extensions(new BrazeResponder(settings, rateLimiter, script, journal, book));
            WireMockServer started = new WireMockServer(options);
            started.start();
            started.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(404)));
            server = started;
        }
        return this;
    }

    /** Stops the server (no-op when stopped). Recordings stay readable. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** True between {@link #start()} and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("FakeBraze is not started");
        }
        return server.port();
    }

    /** The REST base URI to give the client, {@code http://127.0.0.1:<port>} (no trailing slash). */
    public String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    /** The first configured API key (all permissions unless configured otherwise). */
    public String apiKey() {
        return settings.apiKeys().keySet().iterator().next();
    }

    /**
     * Points the {@code braze-trigger} component of {@code context} at this fake (component options {@code baseUri}
     * and {@code apiKey}). See {@link FakeBrazeBinding#configure(CamelContext, FakeBraze)}.
     */
    public void configure(CamelContext context) {
        FakeBrazeBinding.configure(context, this);
    }

    /** Scripts faults for the next requests. */
    public FaultScript script() {
        return script;
    }

    /** Forgets every recorded request, schedule and send id, clears the fault script and refills the rate-limit buckets. */
    public void reset() {
        journal.clear();
        script.clear();
        rateLimiter.reset();
        book.clear();
    }

    /** Every schedule the fake created, as it stands now (updated, cancelled), oldest first. */
    public List<ScheduledSend> schedules() {
        return book.schedules();
    }

    /** Every send id the fake created, oldest first. */
    public List<CreatedSendId> sendIds() {
        return book.sendIds();
    }

    /**
     * Assertions on what Braze holds now: schedules ({@code assertThatBraze().scheduled("cv-1").forExternalUserId("42")
     * .at(instant)}), cancellations, send ids, and the trigger sends.
     */
    public BrazeAssert assertThatBraze() {
        return new BrazeAssert(journal.all(), book.schedules(), book.sendIds());
    }

    /** The requests Braze would have accepted (2xx), oldest first. */
    public List<RecordedRequest> requests() {
        return journal.accepted();
    }

    /** The requests the fake refused or failed (4xx, 5xx, dropped connections), oldest first. */
    public List<RecordedRequest> rejectedRequests() {
        return journal.rejected();
    }

    /** Every request received, accepted or not, oldest first. */
    public List<RecordedRequest> allRequests() {
        return journal.all();
    }

    /**
     * The recipients of the accepted trigger sends, in order (a broadcast has none). Recipients of schedules are not
     * included: they have not been messaged yet (see {@link #schedules()}).
     */
    public List<Recipient> acceptedRecipients() {
        return requests().stream().filter(r -> r.endpoint().kind() == BrazeEndpoint.Kind.SEND)
                .flatMap(r -> Recipient.of(r).stream()).filter(r -> !r.isBroadcast()).toList();
    }

    /** How many requests reached the fake, accepted or not ({@code requests().size()} counts accepted ones). */
    public int requestCount() {
        return journal.all().size();
    }

    /**
     * Waits until at least {@code count} requests reached the fake, for routes that send asynchronously.
     *
     * @throws AssertionError when fewer arrived within {@code timeout}
     */
    public void awaitRequests(int count, Duration timeout) {
        try {
            if (!journal.awaitCount(count, timeout)) {
                throw new AssertionError("Expected at least " + count + " request(s) to Braze within " + timeout + ", but got "
                        + requestCount() + ".\n" + RequestDescriber.list("Received", allRequests()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for requests to Braze", e);
        }
    }

    /** Asserts that at least one accepted request triggered the Canvas {@code canvasId}; refine with the returned object. */
    public CanvasTriggerAssert assertCanvasTriggered(String canvasId) {
        return new CanvasTriggerAssert(canvasId, journal.all());
    }

    /** Asserts that at least one accepted request triggered the campaign {@code campaignId}; refine with the returned object. */
    public CampaignTriggerAssert assertCampaignTriggered(String campaignId) {
        return new CampaignTriggerAssert(campaignId, journal.all());
    }

    /** Asserts that no request at all reached the fake. */
    public void assertNoRequests() {
        assertRequestCount(0);
    }

    /** Asserts that exactly {@code count} requests reached the fake, accepted or not. */
    public void assertRequestCount(int count) {
        List<RecordedRequest> all = journal.all();
        if (all.size() != count) {
            throw new AssertionError("Expected " + count + " request(s) to Braze, but got " + all.size() + ".\n"
                    + RequestDescriber.list("Received", all));
        }
    }

    /** Configures a {@link FakeBraze} (or, through {@link FakeBrazeExtension#FakeBrazeExtension(Builder)}, an extension). */
    public static final class Builder {
        private final Map<String, Set<String>> apiKeys = new LinkedHashMap<>();
        private boolean lowercaseHeaders;
        private Set<String> knownCanvasIds;
        private Set<String> knownCampaignIds;
        private final Set<String> pausedCanvases = new LinkedHashSet<>();
        private final Set<String> archivedCanvases = new LinkedHashSet<>();
        private boolean campaignDispatchId = true;
        private boolean strictSendToExistingOnly = true;
        private int targetedLimit = 250_000;
        private Duration targetedWindow = Duration.ofHours(1);
        private int broadcastLimit = 250;
        private int perAudienceLimit = 10;
        private Duration broadcastWindow = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private int port;
        private int sendIdsPerDay = 100;
        private Consumer<RecordedRequest> journalSink;

        private Builder() {
        }

        /**
         * Accepts {@code key} with every permission the fake's endpoints need (trigger sends, schedules, send ids). The
         * first key added is {@link FakeBraze#apiKey()}.
         */
        public Builder apiKey(String key) {
            return apiKeyWithPermissions(key, allPermissions());
        }

        private static String[] allPermissions() {
            return java.util.Arrays.stream(BrazeEndpoint.values()).map(BrazeEndpoint::permission).toArray(String[]::new);
        }

        /**
         * Accepts {@code key} with only these permissions (e.g. {@code "campaigns.trigger.send"},
         * {@code "canvas.trigger.schedule.create"}, {@code "sends.id.create"}); the other endpoints answer 403.
         */
        public Builder apiKeyWithPermissions(String key, String... permissions) {
            apiKeys.put(key, Set.of(permissions));
            return this;
        }

        /** Sends the rate-limit and content-type header names in lowercase, as Braze does over HTTP/2. */
        public Builder lowercaseHeaders() {
            this.lowercaseHeaders = true;
            return this;
        }

        /** Only these Canvas ids exist; others answer 400 "Canvas does not exist". Default: any id exists. */
        public Builder knownCanvasIds(String... ids) {
            knownCanvasIds = knownCanvasIds == null ? new LinkedHashSet<>() : knownCanvasIds;
            knownCanvasIds.addAll(List.of(ids));
            return this;
        }

        /** Only these campaign ids exist; others answer 400 "Campaign does not exist". Default: any id exists. */
        public Builder knownCampaignIds(String... ids) {
            knownCampaignIds = knownCampaignIds == null ? new LinkedHashSet<>() : knownCampaignIds;
            knownCampaignIds.addAll(List.of(ids));
            return this;
        }

        /** These Canvases are paused: sends answer 201 with Braze's paused {@code notice}. */
        public Builder pausedCanvases(String... ids) {
            pausedCanvases.addAll(List.of(ids));
            return this;
        }

        /** These Canvases are archived: sends answer 201 with Braze's archived {@code notice}. */
        public Builder archivedCanvases(String... ids) {
            archivedCanvases.addAll(List.of(ids));
            return this;
        }

        /** Campaign sends answer {@code {"message":"success"}} without a {@code dispatch_id}, as in a 2019 recording. */
        public Builder omitCampaignDispatchId() {
            this.campaignDispatchId = false;
            return this;
        }

        /**
         * Whether {@code send_to_existing_only:false} is refused with a user alias or without attributes (default
         * true; Braze's own behaviour is unconfirmed).
         */
        public Builder strictSendToExistingOnly(boolean strict) {
            this.strictSendToExistingOnly = strict;
            return this;
        }

        /**
         * The targeted-send bucket: {@code limit} requests per {@code window} (default 250,000 per hour). Windows are
         * aligned on the epoch (an hour resets on the clock hour); {@code X-RateLimit-Reset} is the window's end in
         * epoch seconds, rounded up.
         */
        public Builder rateLimited(int limit, Duration window) {
            this.targetedLimit = limit;
            this.targetedWindow = window;
            return this;
        }

        /** The broadcast buckets: {@code overall} and {@code perAudience} requests per {@code window} (default 250, 10, 1 min). */
        public Builder broadcastRateLimits(int overall, int perAudience, Duration window) {
            this.broadcastLimit = overall;
            this.perAudienceLimit = perAudience;
            this.broadcastWindow = window;
            return this;
        }

        /** The clock for rate-limit windows and timestamps (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How many send ids ({@code campaign_id} + {@code send_id} combinations) {@code /sends/id/create} creates per UTC
         * day before it answers 429 (default 100, Braze's limit per workspace).
         */
        public Builder sendIdDailyLimit(int limit) {
            this.sendIdsPerDay = limit;
            return this;
        }

        /** A fixed port instead of a free one (0, the default, picks a free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Hands every request, with the answer given, to {@code sink} instead of keeping it: for long runs whose requests
         * would not fit in memory (the benchmarks send a million recipients). {@code sink} is called from the server's
         * threads, concurrently. The fake then keeps nothing: {@link FakeBraze#requests()}, {@link FakeBraze#requestCount()},
         * {@link FakeBraze#awaitRequests} and the assertions see no request.
         */
        public Builder journalTo(Consumer<RecordedRequest> sink) {
            this.journalSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** The configured fake, not yet started. */
        public FakeBraze build() {
            return new FakeBraze(this);
        }

        Settings settings() {
            Map<String, Set<String>> keys = new LinkedHashMap<>(apiKeys);
            if (keys.isEmpty()) {
                keys.put(DEFAULT_API_KEY, Set.of(allPermissions()));
            }
            Set<String> canvases = knownCanvasIds == null ? null : new LinkedHashSet<>(knownCanvasIds);
            if (canvases != null) {
                canvases.addAll(pausedCanvases);
                canvases.addAll(archivedCanvases);
            }
            return new Settings(Collections.unmodifiableMap(keys), lowercaseHeaders,
                    canvases == null ? null : Set.copyOf(canvases),
                    knownCampaignIds == null ? null : Set.copyOf(knownCampaignIds), Set.copyOf(pausedCanvases),
                    Set.copyOf(archivedCanvases), campaignDispatchId, strictSendToExistingOnly, targetedLimit,
                    targetedWindow, broadcastLimit, perAudienceLimit, broadcastWindow, clock, port, sendIdsPerDay);
        }
    }
}
