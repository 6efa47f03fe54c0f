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

import org.apache.camel.spi.Metadata;

/**
 * Message headers read and written by the {@code braze-trigger} producer.
 */
public final class BrazeTriggerConstants {

    // ---- headers in ----

    @Metadata(label = "producer", description = "Canvas API identifier; overrides the endpoint's canvasId for this exchange.",
              javaType = "String")
    public static final String CANVAS_ID = "CamelBrazeCanvasId";
    @Metadata(label = "producer",
              description = "Campaign API identifier; overrides the endpoint's campaignId for this exchange.",
              javaType = "String")
    public static final String CAMPAIGN_ID = "CamelBrazeCampaignId";
    @Metadata(label = "producer",
              description = "External user id of the single recipient built from headers (used when the body gives no recipients).",
              javaType = "String")
    public static final String EXTERNAL_USER_ID = "CamelBrazeExternalUserId";
    @Metadata(label = "producer",
              description = "User alias name of the single recipient built from headers; needs CamelBrazeUserAliasLabel.",
              javaType = "String")
    public static final String USER_ALIAS_NAME = "CamelBrazeUserAliasName";
    @Metadata(label = "producer",
              description = "User alias label of the single recipient built from headers; needs CamelBrazeUserAliasName.",
              javaType = "String")
    public static final String USER_ALIAS_LABEL = "CamelBrazeUserAliasLabel";
    @Metadata(label = "producer",
              description = "Email address of the single recipient built from headers; needs a prioritization.",
              javaType = "String")
    public static final String EMAIL = "CamelBrazeEmail";
    @Metadata(label = "producer",
              description = "Prioritization for email recipients (a List or a comma-separated String of identified, unidentified,"
                            + " most_recently_updated, least_recently_updated).",
              javaType = "java.util.List<String>")
    public static final String PRIORITIZATION = "CamelBrazePrioritization";
    @Metadata(label = "producer",
              description = "Top-level personalization: sent as context on a Canvas and as trigger_properties on a campaign."
                            + " Its keys override the body's top-level keys.",
              javaType = "java.util.Map<String, Object>")
    public static final String CONTEXT = "CamelBrazeContext";
    @Metadata(label = "producer",
              description = "User attributes for the single recipient built from headers (applied before the send).",
              javaType = "java.util.Map<String, Object>")
    public static final String ATTRIBUTES = "CamelBrazeAttributes";
    @Metadata(label = "producer",
              description = "Connected Audience filter: a Map, a JSON String or an io.camelbraze.trigger.model.Audience.",
              javaType = "Object")
    public static final String AUDIENCE = "CamelBrazeAudience";
    @Metadata(label = "producer",
              description = "Campaign send_id (ASCII, at most 64 characters); campaign endpoint only. With action=createSendId: the"
                            + " id to propose on the way in, and the id Braze created on the way out. Out, after a send: the send_id"
                            + " Braze answered, as it does for a broadcast campaign send (the request's, or one it made up).",
              javaType = "String")
    public static final String SEND_ID = "CamelBrazeSendId";
    @Metadata(label = "producer",
              description = "With action=schedule or updateSchedule: when to send, overriding the body's schedule and the option"
                            + " scheduleTime. An Instant, OffsetDateTime, ZonedDateTime, LocalDateTime, LocalDate (its start) or"
                            + " ISO 8601 String. Sent in UTC; with in_local_time or at_optimal_time sent without zone designator, a"
                            + " zoned value as its local date-time. A value without zone designator is UTC for a plain schedule.",
              javaType = "Object")
    public static final String SCHEDULE_TIME = "CamelBrazeScheduleTime";
    @Metadata(label = "producer",
              description = "With action=schedule or updateSchedule: true sends at the schedule time in each recipient's time zone"
                            + " (in_local_time); overrides the body's schedule and the option inLocalTime.",
              javaType = "Boolean")
    public static final String SCHEDULE_IN_LOCAL_TIME = "CamelBrazeScheduleInLocalTime";
    @Metadata(label = "producer",
              description = "With action=schedule or updateSchedule: true sends on the schedule time's day at each recipient's"
                            + " optimal time (at_optimal_time); overrides the body's schedule and the option atOptimalTime.",
              javaType = "Boolean")
    public static final String SCHEDULE_AT_OPTIMAL_TIME = "CamelBrazeScheduleAtOptimalTime";
    @Metadata(label = "producer",
              description = "In, with action=updateSchedule or cancelSchedule: the schedule to change (overrides the body's"
                            + " schedule_id). Out, with action=schedule: the schedule_id Braze returned for the last request (all of"
                            + " them in CamelBrazeScheduleIds).",
              javaType = "String")
    public static final String SCHEDULE_ID = "CamelBrazeScheduleId";

    // ---- headers out ----

    @Metadata(label = "producer",
              description = "The dispatch_id Braze returned for the last request (absent when Braze sent none, and after"
                            + " updateSchedule, cancelSchedule and createSendId, which dispatch nothing).",
              javaType = "String")
    public static final String DISPATCH_ID = "CamelBrazeDispatchId";
    @Metadata(label = "producer",
              description = "The dispatch ids of every request made for this exchange, in order (null entries where Braze sent none); a"
                            + " read-only list, kept small for a streamed input of any length. Set by action=send and schedule only.",
              javaType = "java.util.List<String>")
    public static final String DISPATCH_IDS = "CamelBrazeDispatchIds";
    @Metadata(label = "producer",
              description = "With action=schedule: the schedule_id of every request made for this exchange, in order; each request of"
                            + " at most 50 recipients is a schedule of its own. Also set on a failed exchange: the schedules Braze"
                            + " did create.",
              javaType = "java.util.List<String>")
    public static final String SCHEDULE_IDS = "CamelBrazeScheduleIds";
    @Metadata(label = "producer", description = "Braze's notice, e.g. that the Canvas is paused or archived.", javaType = "String")
    public static final String NOTICE = "CamelBrazeNotice";
    @Metadata(label = "producer", description = "Braze's non-fatal errors[] entries from the responses of this exchange.",
              javaType = "java.util.List<String>")
    public static final String ERRORS = "CamelBrazeErrors";
    @Metadata(label = "producer", description = "Number of recipients sent (0 for an audience or broadcast send).",
              javaType = "Integer")
    public static final String RECIPIENT_COUNT = "CamelBrazeRecipientCount";
    @Metadata(label = "producer",
              description = "Number of HTTP requests the exchange needed (recipients are sent 50 per request). On a failed exchange"
                            + " the requests Braze accepted plus the one that failed (a validation failure before anything was sent"
                            + " leaves it unset).",
              javaType = "Integer")
    public static final String REQUEST_COUNT = "CamelBrazeRequestCount";
    @Metadata(label = "producer",
              description = "On a failed exchange: how many of its recipients were not accepted by Braze (neither sent, nor set aside"
                            + " by invalidRecords=skip, nor skipped by the idempotent repository). For a streamed body only the"
                            + " records read before the failure are counted: the rest is not read. CamelBrazeRecipientCount and"
                            + " CamelBrazeDispatchIds then tell what Braze did accept.",
              javaType = "Integer")
    public static final String UNSENT_RECIPIENTS = "CamelBrazeUnsentRecipients";
    @Metadata(label = "producer",
              description = "With invalidRecords=skip: the records set aside, in input order, each an io.camelbraze.trigger.RejectedRecord"
                            + " with its position in the input, the reason naming the field, and the record as received.",
              javaType = "java.util.List<io.camelbraze.trigger.RejectedRecord>")
    public static final String REJECTED_RECORDS = "CamelBrazeRejectedRecords";
    @Metadata(label = "producer", description = "With invalidRecords=skip: the number of records set aside.", javaType = "Integer")
    public static final String REJECTED_COUNT = "CamelBrazeRejectedCount";
    @Metadata(label = "producer",
              description = "With idempotentRepository: requests not sent because the repository records that Braze accepted them"
                            + " before (a re-read input after a crash, or another node).",
              javaType = "Integer")
    public static final String SKIPPED_REQUESTS = "CamelBrazeSkippedRequests";
    @Metadata(label = "producer",
              description = "After a 429: the CamelRedeliveryDelay (milliseconds) the component set from Braze's reset time. Kept beside"
                            + " it so that the component removes that delay again when a later failure of the message is not a"
                            + " rate limit (also on a message replayed from a dead-letter store that keeps headers).",
              javaType = "Long")
    public static final String RATE_LIMIT_REDELIVERY_DELAY = "CamelBrazeRateLimitRedeliveryDelay";

    /**
     * Exchange property recording which chunks of a multi-request send Braze already accepted, so that a redelivery sends
     * only the rest. Not a header: it must not travel to other systems.
     */
    public static final String PROPERTY_CHUNK_PROGRESS = "CamelBrazeChunkProgress";

    /**
     * Exchange property holding the Canvas or campaign id the exchange's request carried, as the mapping resolved it (header,
     * body or option), so that a failure can name it.
     */
    public static final String PROPERTY_TARGET_ID = "CamelBrazeTargetId";


    private BrazeTriggerConstants() {
    }
}
