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
package io.camelbraze.trigger.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code recipients}, in Braze's field names. Braze requires exactly one identifier: {@code external_user_id},
 * {@code user_alias} or {@code email} (the latter with a {@code prioritization}).
 *
 * @param externalUserId     {@code external_user_id}
 * @param userAlias          {@code user_alias}
 * @param email              {@code email}
 * @param prioritization     {@code prioritization}: required with {@code email}
 * @param context            per-user {@code context} (Canvas); legacy {@code canvas_entry_properties} is read into it
 * @param triggerProperties  per-user {@code trigger_properties} (campaign)
 * @param sendToExistingOnly {@code send_to_existing_only}: Braze's default is true; never with a user alias; false needs
 *                           attributes
 * @param attributes         {@code attributes}: user attributes written to the profile before the send
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "external_user_id", "user_alias", "email", "prioritization", "context", "trigger_properties",
                     "send_to_existing_only", "attributes" })
public record Recipient(
        @JsonProperty("external_user_id") String externalUserId,
        @JsonProperty("user_alias") UserAlias userAlias,
        @JsonProperty("email") String email,
        @JsonProperty("prioritization") List<String> prioritization,
        @JsonProperty("context") @JsonAlias("canvas_entry_properties") Map<String, Object> context,
        @JsonProperty("trigger_properties") Map<String, Object> triggerProperties,
        @JsonProperty("send_to_existing_only") Boolean sendToExistingOnly,
        @JsonProperty("attributes") Map<String, Object> attributes) {

    public Recipient {
        prioritization = Copies.list(prioritization);
        context = Copies.map(context);
        triggerProperties = Copies.map(triggerProperties);
        attributes = Copies.map(attributes);
    }

    /** A recipient identified by its external user id. */
    public static Recipient externalUserId(String externalUserId) {
        return new Recipient(externalUserId, null, null, null, null, null, null, null);
    }

    /** A recipient identified by a user alias. */
    public static Recipient userAlias(String aliasName, String aliasLabel) {
        return new Recipient(null, new UserAlias(aliasName, aliasLabel), null, null, null, null, null, null);
    }

    /**
     * A recipient identified by email address.
     *
     * @param prioritization how Braze picks among profiles sharing the address, e.g. {@code "unidentified",
     *                       "most_recently_updated"}; none leaves it to the endpoint's default
     */
    public static Recipient email(String email, String... prioritization) {
        List<String> order = prioritization == null || prioritization.length == 0 ? null : List.of(prioritization);
        return new Recipient(null, null, email, order, null, null, null, null);
    }

    /** A copy with this prioritization. */
    public Recipient withPrioritization(List<String> newPrioritization) {
        return new Recipient(externalUserId, userAlias, email, newPrioritization, context, triggerProperties, sendToExistingOnly,
                attributes);
    }

    /** A copy with this per-user {@code context} (Canvas). */
    public Recipient withContext(Map<String, Object> newContext) {
        return new Recipient(externalUserId, userAlias, email, prioritization, newContext, triggerProperties, sendToExistingOnly,
                attributes);
    }

    /** A copy with these per-user {@code trigger_properties} (campaign). */
    public Recipient withTriggerProperties(Map<String, Object> newTriggerProperties) {
        return new Recipient(externalUserId, userAlias, email, prioritization, context, newTriggerProperties, sendToExistingOnly,
                attributes);
    }

    /** A copy with this {@code send_to_existing_only}. */
    public Recipient withSendToExistingOnly(Boolean newSendToExistingOnly) {
        return new Recipient(externalUserId, userAlias, email, prioritization, context, triggerProperties, newSendToExistingOnly,
                attributes);
    }

    /** A copy with these user attributes. */
    public Recipient withAttributes(Map<String, Object> newAttributes) {
        return new Recipient(externalUserId, userAlias, email, prioritization, context, triggerProperties, sendToExistingOnly,
                newAttributes);
    }
}
