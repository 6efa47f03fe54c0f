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

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Attachment;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Checks a whole (not yet chunked) request against every rule of Braze's contract (braze-api.md §1–§4), so that nothing
 * Braze would refuse is ever sent. Messages name the field and, inside lists, the 0-based position in the original list,
 * e.g. {@code recipients[3].user_alias.alias_label: required}. The 50-recipients-per-request limit is not checked here:
 * {@link io.camelbraze.trigger.delivery.RequestChunks} splits the request.
 */
public final class BrazeRequestValidator {

    private static final int MAX_SEND_ID_LENGTH = 64;

    private BrazeRequestValidator() {
    }

    /**
     * @throws BrazeValidationException for the first rule the request breaks
     */
    public static void validate(TriggerRequest request, BrazeOperation operation) throws BrazeValidationException {
        if (request == null) {
            throw new BrazeValidationException("body", "no request");
        }
        validateShared(request, operation, request.recipientCount() > 0);
        List<Recipient> recipients = request.recipients();
        if (recipients != null) {
            for (int i = 0; i < recipients.size(); i++) {
                RecipientValidator.validate(recipients.get(i), "recipients[" + i + "]", operation);
            }
        }
    }

    /**
     * Checks every rule except those of the individual recipients, which are checked as each is read.
     *
     * @param hasRecipients whether the send carries recipients (in its body, a stream or the headers)
     * @throws BrazeValidationException for the first rule the request breaks
     */
    public static void validateShared(TriggerRequest request, BrazeOperation operation, boolean hasRecipients) {
        validateTarget(request, operation);
        validateSendId(request, operation);
        PersonalizationLimits.check("", request.context(), request.triggerProperties(), operation);
        boolean broadcast = Boolean.TRUE.equals(request.broadcast());
        validateAudienceAndRecipients(request, broadcast, hasRecipients);
        validateAttachments(request.attachments(), operation, broadcast);
        if (request.audience() != null) {
            AudienceValidator.validate(request.audience(), "audience");
        }
    }

    private static void validateTarget(TriggerRequest request, BrazeOperation operation) {
        boolean canvas = operation == BrazeOperation.canvas;
        String id = canvas ? request.canvasId() : request.campaignId();
        String otherId = canvas ? request.campaignId() : request.canvasId();
        String otherField = canvas ? "campaign_id" : "canvas_id";
        if (otherId != null) {
            throw new BrazeValidationException(otherField, otherField + " does not belong on a " + operation
                                                           + " endpoint; use " + operation.idField());
        }
        if (id == null || id.isBlank()) {
            throw new BrazeValidationException(operation.idField(), "required: set the endpoint option " + operation.idOption()
                                                                    + ", the header " + idHeader(operation)
                                                                    + " or the body field " + operation.idField());
        }
    }

    private static String idHeader(BrazeOperation operation) {
        return operation == BrazeOperation.canvas ? BrazeTriggerConstants.CANVAS_ID : BrazeTriggerConstants.CAMPAIGN_ID;
    }

    private static void validateSendId(TriggerRequest request, BrazeOperation operation) {
        String sendId = request.sendId();
        if (sendId == null) {
            return;
        }
        if (operation == BrazeOperation.canvas) {
            throw new BrazeValidationException("send_id", "send_id is a campaign field; a Canvas has none");
        }
        checkSendId(sendId);
    }

    /** Braze's format of a send id: not blank, ASCII, at most 64 characters. */
    static void checkSendId(String sendId) {
        if (sendId.isBlank()) {
            throw new BrazeValidationException("send_id", "must not be blank");
        }
        if (sendId.length() > MAX_SEND_ID_LENGTH) {
            throw new BrazeValidationException("send_id", sendId.length() + " characters; Braze allows at most " + MAX_SEND_ID_LENGTH);
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(sendId)) {
            throw new BrazeValidationException("send_id", "must be ASCII");
        }
    }

    private static void validateAudienceAndRecipients(TriggerRequest request, boolean broadcast, boolean hasRecipients) {
        if (broadcast && hasRecipients) {
            throw new BrazeValidationException("recipients",
                    "not allowed with broadcast=true (a broadcast goes to the dashboard segment; use a non-broadcast endpoint to"
                                                             + " send to listed recipients)");
        }
        if (!broadcast && !hasRecipients) {
            String hint = request.audience() != null
                    ? "; an audience alone narrows a broadcast: set the endpoint option broadcast=true"
                    : " (give recipients in the body or the " + BrazeTriggerConstants.EXTERNAL_USER_ID + " / "
                      + BrazeTriggerConstants.USER_ALIAS_NAME + " / " + BrazeTriggerConstants.EMAIL
                      + " headers, or set the endpoint option broadcast=true)";
            throw new BrazeValidationException("recipients", "required unless broadcast is true" + hint);
        }
    }

    private static void validateAttachments(List<Attachment> attachments, BrazeOperation operation, boolean broadcast) {
        if (attachments == null) {
            return;
        }
        if (operation == BrazeOperation.canvas) {
            throw new BrazeValidationException("attachments", "attachments is a campaign field; a Canvas has none");
        }
        if (broadcast) {
            throw new BrazeValidationException("attachments", "not allowed with broadcast=true");
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String path = "attachments[" + i + "]";
            if (attachment == null) {
                throw new BrazeValidationException(path, "an attachment must not be null");
            }
            if (attachment.fileName() == null || attachment.fileName().isBlank()) {
                throw new BrazeValidationException(path + ".file_name", "required");
            }
            if (attachment.url() == null || attachment.url().isBlank()) {
                throw new BrazeValidationException(path + ".url", "required");
            }
        }
    }
}
