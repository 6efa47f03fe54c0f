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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Fluent checks on the sends Braze accepted for one Canvas or campaign. Each call narrows the matching recipients
 * (one per recipient of each accepted request; a broadcast counts as one) and fails at once with an
 * {@link AssertionError} listing what the fake received when nothing matches any more. Messages never contain API keys;
 * emails are masked and attribute values left out.
 *
 * @param <S> the concrete type, for chaining
 */
public abstract class TriggerAssert<S extends TriggerAssert<S>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrazeEndpoint endpoint;
    private final List<RecordedRequest> received;
    private final List<String> criteria = new ArrayList<>();
    private final String context;
    private List<Recipient> matches;

    TriggerAssert(BrazeEndpoint endpoint, String id, List<RecordedRequest> received) {
        this(endpoint, endpoint.displayName() + " \"" + id + "\" triggered", received.stream()
                .filter(r -> r.accepted() && r.endpoint() == endpoint && Objects.equals(id, r.targetId()))
                .flatMap(r -> Recipient.of(r).stream()).toList(), received, "");
    }

    /**
     * @param endpoint   names the personalization field in messages
     * @param criterion  what the candidates are, e.g. {@code "cv-1" scheduled}
     * @param candidates the recipients to narrow
     * @param context    more to list when an assertion fails (e.g. the fake's schedules), or empty
     */
    TriggerAssert(BrazeEndpoint endpoint, String criterion, List<Recipient> candidates, List<RecordedRequest> received,
                  String context) {
        this.endpoint = endpoint;
        this.received = received;
        this.context = context;
        this.matches = candidates;
        criteria.add(criterion);
        check();
    }

    /** Narrows to recipients with this {@code external_user_id}. */
    public S forExternalUserId(String externalUserId) {
        return narrow("for external_user_id \"" + externalUserId + "\"", r -> externalUserId.equals(r.externalUserId()));
    }

    /** Narrows to recipients with this {@code user_alias}. */
    public S forUserAlias(String aliasName, String aliasLabel) {
        return narrow("for user_alias \"" + aliasName + "\"/\"" + aliasLabel + "\"",
                r -> aliasName.equals(r.aliasName()) && aliasLabel.equals(r.aliasLabel()));
    }

    /** Narrows to recipients with this {@code email}. */
    public S forEmail(String email) {
        return narrow("for email " + RequestDescriber.maskEmail(email), r -> email.equals(r.email()));
    }

    /** Narrows to recipients whose {@code attributes} have {@code name} equal to {@code value} (numbers by value). */
    public S withAttribute(String name, Object value) {
        return narrow("with attribute " + name, r -> sameValue(r.attributes().get(name), value));
    }

    /** Narrows to requests sent with {@code broadcast: true}. */
    public S asBroadcast() {
        return narrow("as a broadcast", r -> r.request().broadcast());
    }

    /** Narrows with any condition on the recipient (and, through it, the request). */
    public S matching(String description, Predicate<Recipient> condition) {
        return narrow(description, condition);
    }

    /**
     * Asserts how many recipients still match (one per recipient of each accepted request, one per broadcast): with
     * {@code forExternalUserId("42").times(2)} user 42 was triggered twice.
     */
    public S times(int expected) {
        if (matches.size() != expected) {
            throw new AssertionError("Expected " + String.join(" ", criteria) + " " + expected + " time(s), but it was "
                    + matches.size() + " time(s).\n" + received());
        }
        return self();
    }

    /** The recipients that still match. */
    public List<Recipient> recipients() {
        return matches;
    }

    /** The distinct requests that still match. */
    public List<RecordedRequest> requests() {
        return matches.stream().map(Recipient::request).distinct().toList();
    }

    /** Narrows to recipients whose effective personalization has {@code key} equal to {@code value}. */
    protected S withProperty(String key, Object value) {
        return narrow("with " + endpoint.propertiesField() + " " + key + " = " + JSON.valueToTree(value),
                r -> sameValue(r.properties().get(key), value));
    }

    /** Narrows with a condition, failing when nothing matches any more. */
    protected S narrow(String description, Predicate<Recipient> condition) {
        criteria.add(description);
        matches = matches.stream().filter(condition).toList();
        check();
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    private void check() {
        if (matches.isEmpty()) {
            throw new AssertionError("Expected " + String.join(" ", criteria) + ", but no accepted request matched.\n"
                    + received());
        }
    }

    private String received() {
        List<RecordedRequest> accepted = received.stream().filter(RecordedRequest::accepted).toList();
        List<RecordedRequest> rejected = received.stream().filter(r -> !r.accepted()).toList();
        return context + RequestDescriber.list("Accepted requests", accepted) + "\n"
               + RequestDescriber.list("Rejected requests", rejected);
    }

    static boolean sameValue(JsonNode actual, Object expected) {
        JsonNode wanted = JSON.valueToTree(expected);
        if (actual == null) {
            return wanted == null || wanted.isNull();
        }
        if (actual.isNumber() && wanted != null && wanted.isNumber()) {
            return actual.decimalValue().compareTo(wanted.decimalValue()) == 0;
        }
        return actual.equals(wanted);
    }
}
