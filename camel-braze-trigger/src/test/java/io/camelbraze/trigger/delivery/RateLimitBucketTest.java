package io.camelbraze.trigger.delivery;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitBucketTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long RESET_SECONDS = NOW / 1000 + 60;

    private static Map<String, String> headers(String limit, String remaining, String reset) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-ratelimit-limit", limit);
        headers.put("x-ratelimit-remaining", remaining);
        headers.put("x-ratelimit-reset", reset);
        return headers;
    }

    @Test
    void whileNothingIsKnownOneProbeGoesFirst() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        assertThat(bucket.reserve(NOW)).isZero();
        assertThat(bucket.reserve(NOW)).isEqualTo(RateLimitBucket.PROBE_WAIT_MILLIS);
        assertThat(bucket.reserve(NOW + RateLimitBucket.PROBE_TIMEOUT_MILLIS)).as("probe without answer times out").isZero();
    }

    @Test
    void answersWithoutRateLimitHeadersMeanNoPacing() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.reserve(NOW);
        bucket.update(headers("", "", ""), NOW);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.reserve(NOW)).isZero();
        }
        assertThat(bucket.snapshot().remaining()).isEqualTo(-1);
    }

    @Test
    void a429sOwnShortResetReplacesTheHourlyOne() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("250000", "1000", String.valueOf(NOW / 1000 + 3000)), NOW);
        long until = bucket.onRateLimited(headers("250000", "0", String.valueOf(NOW / 1000 + 1)), NOW);
        assertThat(until).isEqualTo((NOW / 1000 + 1) * 1000);
    }

    @Test
    void reservesBudgetLocallyAndWaitsForTheResetWhenSpent() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("100", "2", String.valueOf(RESET_SECONDS)), NOW);

        assertThat(bucket.reserve(NOW)).isZero();
        assertThat(bucket.reserve(NOW)).isZero();
        long wait = bucket.reserve(NOW);

        assertThat(wait).isEqualTo(RESET_SECONDS * 1000 - NOW + RateLimitBucket.RESET_GUARD_MILLIS);
        assertThat(bucket.snapshot().remaining()).isZero();
    }

    @Test
    void aNewWindowRestoresTheLimit() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("100", "0", String.valueOf(RESET_SECONDS)), NOW);
        assertThat(bucket.reserve(NOW)).isPositive();

        long afterReset = RESET_SECONDS * 1000 + 1;
        assertThat(bucket.reserve(afterReset)).isZero();
        assertThat(bucket.snapshot().remaining()).isEqualTo(99);
        assertThat(bucket.snapshot().resetEpochMillis()).isZero();
    }

    @Test
    void outOfOrderResponsesKeepTheSmallestRemainingOfTheSameWindow() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("100", "10", String.valueOf(RESET_SECONDS)), NOW);
        bucket.update(headers("100", "40", String.valueOf(RESET_SECONDS)), NOW);
        assertThat(bucket.snapshot().remaining()).isEqualTo(10);

        bucket.update(headers("100", "99", String.valueOf(RESET_SECONDS + 3600)), NOW);
        assertThat(bucket.snapshot().remaining()).isEqualTo(99);
    }

    @Test
    void emptyHeaderValuesAsOnA401AreIgnored() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("", "", ""), NOW);
        assertThat(bucket.snapshot()).isEqualTo(new RateLimitBucket.Snapshot("targeted", -1, -1, 0));
    }

    @Test
    void a429EmptiesTheBucketUntilTheResetOrRetryAfterWhicheverIsLater() {
        RateLimitBucket bucket = new RateLimitBucket("broadcast");
        Map<String, String> headers = headers("250", "0", String.valueOf(NOW / 1000 + 5));
        headers.put("Retry-After", "30");

        long until = bucket.onRateLimited(headers, NOW);

        assertThat(until).isEqualTo(NOW + 30_000);
        assertThat(bucket.reserve(NOW)).isEqualTo(30_000 + RateLimitBucket.RESET_GUARD_MILLIS);
    }

    @Test
    void a429WithoutHeadersWaitsAShortWhile() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        assertThat(bucket.onRateLimited(new TreeMap<>(String.CASE_INSENSITIVE_ORDER), NOW))
                .isEqualTo(NOW + RateLimitBucket.UNKNOWN_RESET_WAIT_MILLIS);
    }

    @Test
    void afterARollOverLocalReservationsAreNotOverwrittenByTheFirstAnswerOfTheNewWindow() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("100", "0", String.valueOf(RESET_SECONDS)), NOW);
        long newWindow = RESET_SECONDS * 1000 + 10;
        for (int i = 0; i < 30; i++) {
            assertThat(bucket.reserve(newWindow)).isZero();
        }
        // Braze has processed only the first of the 30 in-flight requests so far
        bucket.update(headers("100", "99", String.valueOf(RESET_SECONDS + 60)), newWindow);
        assertThat(bucket.snapshot().remaining()).isEqualTo(70);
    }

    @Test
    void aLateAnswerFromAWindowThatIsOverIsIgnored() {
        RateLimitBucket bucket = new RateLimitBucket("targeted");
        bucket.update(headers("100", "5", String.valueOf(RESET_SECONDS)), NOW);
        long later = RESET_SECONDS * 1000 + 10;
        bucket.reserve(later);
        bucket.update(headers("100", "3", String.valueOf(RESET_SECONDS)), later);
        assertThat(bucket.snapshot().remaining()).isEqualTo(99);
        assertThat(bucket.snapshot().resetEpochMillis()).isZero();
    }
}
