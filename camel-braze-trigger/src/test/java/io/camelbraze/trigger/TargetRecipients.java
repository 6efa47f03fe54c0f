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
package io.camelbraze.trigger;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.RecordedRequest;

/** Recipient lists to send, and what the fake Braze received per target, for route tests that count sends per target. */
final class TargetRecipients {

    private TargetRecipients() {
    }

    /** {@code count} recipients {@code u0, u1, ...} as a list body. */
    static List<Map<String, Object>> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList();
    }

    /** The external ids of {@link #users(int)}. */
    static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "u" + i).toList();
    }

    /** Every request to the Canvas or campaign {@code targetId}, accepted or not, oldest first. */
    static List<RecordedRequest> requestsTo(FakeBraze braze, String targetId) {
        return braze.allRequests().stream().filter(r -> targetId.equals(r.targetId())).toList();
    }

    /** The external ids Braze accepted for {@code targetId}, one entry per acceptance (a duplicate shows twice). */
    static List<String> acceptedUsers(FakeBraze braze, String targetId) {
        return braze.requests().stream().filter(r -> targetId.equals(r.targetId()))
                .flatMap(r -> r.recipients().stream()).map(n -> n.path("external_user_id").asText()).toList();
    }

    /** How many times Braze accepted each external id for {@code targetId}. */
    static Map<String, Long> timesAccepted(FakeBraze braze, String targetId) {
        return acceptedUsers(braze, targetId).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The external id of a request's first recipient. */
    static String firstRecipient(RecordedRequest request) {
        return request.recipients().get(0).path("external_user_id").asText();
    }
}
