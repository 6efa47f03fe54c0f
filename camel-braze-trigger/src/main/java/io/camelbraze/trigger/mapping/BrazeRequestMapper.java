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
package io.camelbraze.trigger.mapping;

import static io.camelbraze.trigger.BrazeTriggerConstants.AUDIENCE;
import static io.camelbraze.trigger.BrazeTriggerConstants.CAMPAIGN_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CANVAS_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CONTEXT;
import static io.camelbraze.trigger.BrazeTriggerConstants.PRIORITIZATION;
import static io.camelbraze.trigger.BrazeTriggerConstants.SEND_ID;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Audience;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Turns an exchange into the Braze request it stands for: {@link #plan} gives the validated shared fields and a
 * {@link RecipientSource} read (and validated) record by record, cut into requests of 50 by
 * {@link io.camelbraze.trigger.delivery.RequestChunks}; {@link #map} gives the whole request at once (a convenience for
 * small bodies and tests), validated with {@link BrazeRequestValidator}.
 *
 * <h2>Body</h2>
 * <ul>
 * <li>{@code null} (or blank text): no recipients from the body; the recipient comes from the headers, or the send is a
 * broadcast.</li>
 * <li>A {@link TriggerRequest}: the full request. A {@link Recipient}: one recipient.</li>
 * <li>A {@code Map}, a POJO (converted with Jackson) or JSON ({@code String}, {@code byte[]}, {@code InputStream},
 * {@code Reader}, {@code File}, {@code Path}, a Camel {@code WrappedFile}; UTF-8) holding an object:
 * <ul>
 * <li>a <b>full request</b> when it has a top-level request field ({@code recipients}, {@code audience}, {@code broadcast},
 * {@code context} / {@code canvas_entry_properties} / {@code trigger_properties}, {@code send_id}, {@code attachments},
 * {@code canvas_id} / {@code campaign_id}), except that a map with a recipient identifier ({@code external_user_id},
 * {@code user_alias}, {@code email}) and none of {@code recipients}, {@code audience}, {@code broadcast}, the ids,
 * {@code send_id}, {@code attachments} is a recipient with its own context.
 * A full request's {@code recipients} are always in Braze's names, whatever the flat-record options.</li>
 * <li>otherwise, when a flat-record option is set ({@code externalIdField}, {@code emailField}, {@code aliasNameField},
 * {@code aliasLabelField}, {@code contextFields}, {@code attributeFields}), a <b>flat record</b> (see
 * {@link FlatRecordMapper}). The options win over Braze's names on purpose: a CSV with an {@code email} column must not
 * silently become an email-identified recipient;</li>
 * <li>otherwise <b>one recipient</b> in Braze's field names.</li>
 * </ul>
 * </li>
 * <li>A {@code Collection}, array, {@code Iterable}, {@code Iterator} or JSON array: the recipients, each a
 * {@link Recipient}, a recipient map/POJO in Braze's names, or a flat record when a flat-record option is set (camel-csv rows
 * read with {@code useMaps=true}, camel-sql rows). An empty list is refused: it never turns into a broadcast.</li>
 * </ul>
 *
 * <h2>Headers and options</h2>
 * <ul>
 * <li>Target id: header ({@code CamelBrazeCanvasId} on a Canvas endpoint, {@code CamelBrazeCampaignId} on a campaign
 * endpoint) &gt; body id field &gt; endpoint option. The other operation's id header is ignored (it addresses another
 * endpoint).</li>
 * <li>{@code CamelBrazeContext} (a Map or JSON text): the top-level {@code context} (Canvas) / {@code trigger_properties}
 * (campaign); its keys override the body's top-level keys.</li>
 * <li>{@code CamelBrazeAudience} (an {@link Audience}, a Map or JSON text) replaces the body's {@code audience}.</li>
 * <li>{@code send_id}: header {@code CamelBrazeSendId} &gt; body &gt; option {@code sendId}; campaign only, refused on a
 * Canvas.</li>
 * <li>The header recipient is used when the body yields no recipients; identity headers together with body recipients are
 * refused (neither is dropped silently).</li>
 * <li>{@code broadcast} is true only when the endpoint option says so: a body {@code broadcast: true} on a non-broadcast
 * endpoint is refused; {@code broadcast: false} on a broadcast endpoint becomes true.</li>
 * <li>{@code sendToExistingOnly} fills {@code send_to_existing_only} on recipients that set none, never on user aliases.</li>
 * <li>Prioritization (header {@code CamelBrazePrioritization} &gt; option {@code prioritization}) fills email recipients
 * that carry none.</li>
 * </ul>
 * Instances are thread-safe.
 */
public class BrazeRequestMapper {

    private final BrazeTriggerConfiguration configuration;
    private final FlatRecordMapper flatRecords;

    public BrazeRequestMapper(BrazeTriggerConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.flatRecords = new FlatRecordMapper(configuration);
    }

    /**
     * Builds the one logical request for this exchange (recipients NOT yet split into 50s), every recipient validated.
     *
     * @throws BrazeValidationException before anything is sent, naming the field (and position) at fault
     */
    public TriggerRequest map(Exchange exchange) throws BrazeValidationException {
        SendPlan plan = plan(exchange, false);
        if (plan.recipients() == null) {
            return plan.template();
        }
        try (RecipientSource recipients = plan.recipients()) {
            return plan.template().withRecipients(recipients.readAll());
        }
    }

    /**
     * Plans this exchange's send: the shared fields are mapped and validated now; the recipients are mapped and validated
     * as they are read from the returned source, so that a streamed body is never held whole.
     *
     * @param skipInvalid set invalid records aside (collected in the plan's rejects) instead of failing on the first one
     * @throws BrazeValidationException for a fault in the shared fields or the body's shape
     */
    public SendPlan plan(Exchange exchange, boolean skipInvalid) throws BrazeValidationException {
        BrazeOperation operation = Objects.requireNonNull(configuration.getOperation(), "the endpoint's operation");
        Message message = exchange.getMessage();
        Object body = BodyReader.read(message.getBody());
        TriggerRequest template;
        Iterator<?> records;
        String bodyRecipients = "recipients";
        boolean streamed = false;
        if (body instanceof RecordReader reader) {
            template = EMPTY;
            records = reader;
            streamed = true;
        } else if (body instanceof List<?> elements) {
            if (elements.isEmpty()) {
                throw new BrazeValidationException("body", "the list holds no recipients; nothing to send");
            }
            template = EMPTY;
            records = elements.iterator();
            bodyRecipients = elements.size() + " recipient(s)";
        } else {
            TriggerRequest request = fromBody(body, operation);
            template = request.withRecipients((List<Recipient>) null);
            records = request.recipients() == null || request.recipients().isEmpty() ? null : request.recipients().iterator();
            bodyRecipients = request.recipientCount() + " recipient(s)";
        }
        try {
            Recipient fromHeaders = HeaderRecipient.fromHeaders(message);
            if (fromHeaders != null) {
                if (records != null) {
                    List<String> headers = HeaderRecipient.identityHeaders(message);
                    throw new BrazeValidationException(headers.get(0), "the body holds " + bodyRecipients + " and the header(s) "
                                                                       + String.join(", ", headers)
                                                                       + " name another; remove the headers or the body's recipients");
                }
                records = List.of(fromHeaders).iterator();
            }
            template = withTarget(template, message, operation);
            template = withSendId(template, message, operation);
            template = withPersonalization(template, message, operation);
            template = withAudience(template, message);
            template = withBroadcast(template);
            BrazeRequestValidator.validateShared(template, operation, records != null);
        } catch (RuntimeException e) {
            if (records instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
            throw e;
        }
        if (records == null) {
            return new SendPlan(template, null, null);
        }
        RejectedRecords rejects = skipInvalid ? new RejectedRecords() : null;
        RecipientSource.RecordMapping mapping = recordMapping(message, operation);
        return new SendPlan(template, new RecipientSource(records, mapping, rejects, streamed), rejects);
    }

    private static final TriggerRequest EMPTY = new TriggerRequest(null, null, null, null, null, null, null, null, null);

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the plan failed; its reason is what the caller needs
        }
    }

    /** Record to validated recipient, with the endpoint's and headers' recipient defaults applied. */
    private RecipientSource.RecordMapping recordMapping(Message message, BrazeOperation operation) {
        Boolean sendToExistingOnly = configuration.getSendToExistingOnly();
        List<String> headerPrioritization = HeaderValues.stringList(message, PRIORITIZATION);
        List<String> prioritization = headerPrioritization == null && configuration.getPrioritization() != null
                ? HeaderValues.commaSeparated(configuration.getPrioritization()) : headerPrioritization;
        return (record, position) -> {
            Recipient recipient = withDefaults(recipient(record, position, operation), sendToExistingOnly, prioritization);
            RecipientValidator.validate(recipient, "recipients[" + position + "]", operation);
            return recipient;
        };
    }

    private TriggerRequest fromBody(Object body, BrazeOperation operation) {
        if (body == null) {
            return EMPTY;
        }
        if (body instanceof TriggerRequest request) {
            return request;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = body instanceof Map ? (Map<String, Object>) body : null;
        if (map != null && BrazeFieldNames.isRequest(map.keySet())) {
            return TreeConverter.toRequest(map);
        }
        return EMPTY.withRecipients(List.of(recipient(body, 0, operation)));
    }

    /** One recipient from a body or list element. */
    private Recipient recipient(Object element, int position, BrazeOperation operation) {
        String path = "recipients[" + position + "]";
        if (element instanceof Recipient recipient) {
            return recipient;
        }
        Map<String, Object> map = recipientTree(element, path);
        if (configuration.hasFieldMapping()) {
            return flatRecords.toRecipient(map, path, operation);
        }
        if (BrazeFieldNames.isRecipient(map.keySet())) {
            return TreeConverter.toRecipient(map, path);
        }
        Set<String> fields = new TreeSet<>(map.keySet());
        String shape = BrazeFieldNames.isRequest(fields) ? "a request, but a list holds recipients"
                : "neither a Braze request (recipients, audience, broadcast, context, ...) nor a Braze recipient"
                  + " (external_user_id, user_alias, email, ...)";
        throw new BrazeValidationException(path, "a map with the fields " + fields + " is " + shape
                                                 + "; use Braze's field names, or set externalIdField / emailField /"
                                                 + " aliasNameField + aliasLabelField to read it as a flat record");
    }

    private static Map<String, Object> recipientTree(Object element, String path) {
        if (element == null) {
            throw new BrazeValidationException(path, "a recipient must not be null");
        }
        if (element instanceof Map<?, ?> map) {
            return BodyReader.stringKeyed(map);
        }
        if (element instanceof CharSequence || element instanceof Number || element instanceof Boolean
            || element instanceof Iterable<?> || element.getClass().isArray() || element instanceof TriggerRequest) {
            throw new BrazeValidationException(path, "a " + element.getClass().getSimpleName() + " is not a recipient: give a Map,"
                                                     + " a Recipient or a POJO per recipient (for camel-csv, unmarshal with"
                                                     + " useMaps=true and set the flat-record options)");
        }
        return BodyReader.pojo(element);
    }

    private TriggerRequest withTarget(TriggerRequest request, Message message, BrazeOperation operation) {
        boolean canvas = operation == BrazeOperation.canvas;
        SingleRequestInputs.refuseOtherTargetHeader(message, operation);
        String header = HeaderValues.text(message, canvas ? CANVAS_ID : CAMPAIGN_ID);
        String body = canvas ? request.canvasId() : request.campaignId();
        String id = header != null ? header : body != null ? body : configuration.targetId();
        SingleRequestInputs.recordTargetId(message, id);
        return canvas ? request.withCanvasId(id) : request.withCampaignId(id);
    }

    private TriggerRequest withSendId(TriggerRequest request, Message message, BrazeOperation operation) {
        String header = HeaderValues.text(message, SEND_ID);
        if (operation == BrazeOperation.canvas) {
            if (header != null) {
                throw new BrazeValidationException(SEND_ID, "send_id is a campaign field; a Canvas has none");
            }
            if (configuration.getSendId() != null) {
                throw new BrazeValidationException("sendId", "the option sendId applies to campaign endpoints only");
            }
            return request;
        }
        if (header != null) {
            return request.withSendId(header);
        }
        return request.sendId() != null ? request : request.withSendId(configuration.getSendId());
    }

    private static TriggerRequest withPersonalization(TriggerRequest request, Message message, BrazeOperation operation) {
        Map<String, Object> header = HeaderValues.object(message, CONTEXT);
        if (header == null) {
            return request;
        }
        boolean canvas = operation == BrazeOperation.canvas;
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Object> body = canvas ? request.context() : request.triggerProperties();
        if (body != null) {
            merged.putAll(body);
        }
        merged.putAll(header);
        return canvas ? request.withContext(merged) : request.withTriggerProperties(merged);
    }

    private static TriggerRequest withAudience(TriggerRequest request, Message message) {
        Object header = message.getHeader(AUDIENCE);
        if (header == null) {
            return request;
        }
        if (header instanceof Audience audience) {
            return request.withAudience(audience);
        }
        return request.withAudience(Audience.fromMap(HeaderValues.object(message, AUDIENCE)));
    }

    private TriggerRequest withBroadcast(TriggerRequest request) {
        if (configuration.isBroadcast()) {
            // a broadcast cannot carry recipients; an empty list is dropped so that it is not sent as "recipients": []
            return request.withBroadcast(Boolean.TRUE);
        }
        if (Boolean.TRUE.equals(request.broadcast())) {
            throw new BrazeValidationException("broadcast", "only the endpoint option can make a send a broadcast: set"
                                                            + " broadcast=true on the endpoint, or remove it from the body");
        }
        return request;
    }

    private static Recipient withDefaults(Recipient recipient, Boolean sendToExistingOnly, List<String> prioritization) {
        if (recipient == null) {
            return null; // reported with its position by the validator
        }
        Recipient completed = recipient;
        if (sendToExistingOnly != null && completed.sendToExistingOnly() == null && completed.userAlias() == null) {
            completed = completed.withSendToExistingOnly(sendToExistingOnly);
        }
        if (prioritization != null && completed.email() != null && completed.prioritization() == null) {
            completed = completed.withPrioritization(prioritization);
        }
        return completed;
    }
}
