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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Attachment;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.model.UserAlias;

class BrazeRequestValidatorTest {

    private static final Recipient USER = Recipient.externalUserId("u");

    /** A value Jackson cannot write. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not readable");
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(TriggerRequest request, BrazeOperation operation,
                                                                               String field) {
        return assertThatThrownBy(() -> BrazeRequestValidator.validate(request, operation))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> assertThat(e.getField()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalidRecipient(Recipient recipient, String field) {
        List<Recipient> recipients = new ArrayList<>(List.of(USER, USER, USER));
        recipients.add(recipient);
        return assertInvalid(TriggerRequest.canvas("c").withRecipients(recipients), BrazeOperation.canvas, field);
    }

    private static void assertValid(TriggerRequest request, BrazeOperation operation) {
        assertThatCode(() -> BrazeRequestValidator.validate(request, operation)).doesNotThrowAnyException();
    }

    @Test
    void idIsRequiredAndNonBlank() {
        assertInvalid(TriggerRequest.canvas(null).withRecipients(USER), BrazeOperation.canvas, "canvas_id");
        assertInvalid(TriggerRequest.canvas(" ").withRecipients(USER), BrazeOperation.canvas, "canvas_id");
        assertInvalid(TriggerRequest.campaign("").withRecipients(USER), BrazeOperation.campaign, "campaign_id")
                .hasMessageContaining("campaignId");
        assertInvalid(TriggerRequest.canvas("c").withRecipients(USER), BrazeOperation.campaign, "canvas_id");
    }

    @Test
    void sendIdIsAsciiAndAtMost64Characters() {
        TriggerRequest request = TriggerRequest.campaign("c").withRecipients(USER);

        assertValid(request.withSendId("a".repeat(64)), BrazeOperation.campaign);
        assertInvalid(request.withSendId("a".repeat(65)), BrazeOperation.campaign, "send_id").hasMessageContaining("65 characters");
        assertInvalid(request.withSendId("señal"), BrazeOperation.campaign, "send_id").hasMessageContaining("ASCII");
        assertInvalid(request.withSendId(""), BrazeOperation.campaign, "send_id");
    }

    @Test
    void recipientNeedsExactlyOneIdentifier() {
        assertInvalidRecipient(new Recipient(null, null, null, null, null, null, null, Map.of("a", 1)), "recipients[3]")
                .hasMessageContaining("needs one identifier");
        assertInvalidRecipient(new Recipient("u", new UserAlias("n", "l"), null, null, null, null, null, null), "recipients[3]")
                .hasMessageContaining("external_user_id and user_alias");
        assertInvalidRecipient(new Recipient("u", null, "a@b", List.of("identified"), null, null, null, null), "recipients[3]")
                .hasMessageContaining("exactly one");
        assertInvalidRecipient(Recipient.externalUserId(" "), "recipients[3].external_user_id").hasMessageContaining("required");
        assertInvalidRecipient(Recipient.email("", "identified"), "recipients[3].email");
        assertInvalid(TriggerRequest.canvas("c").withRecipients(Arrays.asList(USER, null)), BrazeOperation.canvas, "recipients[1]");
    }

    @Test
    void aliasNeedsNameAndLabel() {
        assertInvalidRecipient(Recipient.userAlias("n", null), "recipients[3].user_alias.alias_label")
                .hasMessage("recipients[3].user_alias.alias_label: required");
        assertInvalidRecipient(Recipient.userAlias(" ", "l"), "recipients[3].user_alias.alias_name");
    }

    @Test
    void emailNeedsAValidPrioritization() {
        assertInvalidRecipient(Recipient.email("a@b"), "recipients[3].prioritization").hasMessageContaining("required");
        assertInvalidRecipient(Recipient.email("a@b").withPrioritization(List.of()), "recipients[3].prioritization");
        assertInvalidRecipient(Recipient.email("a@b", "unidentified", "newest"), "recipients[3].prioritization[1]")
                .hasMessageContaining("'newest' is not one of identified, unidentified, most_recently_updated,"
                                      + " least_recently_updated");
        assertInvalidRecipient(Recipient.email("a@b", "identified", "unidentified"), "recipients[3].prioritization")
                .hasMessageContaining("at most one of identified / unidentified");
        assertInvalidRecipient(Recipient.externalUserId("u").withPrioritization(List.of("identified")),
                "recipients[3].prioritization").hasMessageContaining("only applies to email");
        assertValid(TriggerRequest.canvas("c").withRecipients(Recipient.email("a@b", "least_recently_updated", "identified")),
                BrazeOperation.canvas);
    }

    @Test
    void sendToExistingOnlyNeverWithAnAliasAndFalseNeedsAttributes() {
        assertInvalidRecipient(Recipient.userAlias("n", "l").withSendToExistingOnly(true), "recipients[3].send_to_existing_only")
                .hasMessageContaining("cannot be used with user_alias");
        assertInvalidRecipient(Recipient.externalUserId("u").withSendToExistingOnly(false), "recipients[3].attributes");
        assertInvalidRecipient(Recipient.externalUserId("u").withSendToExistingOnly(false).withAttributes(Map.of()),
                "recipients[3].attributes");
        assertValid(TriggerRequest.canvas("c").withRecipients(
                Recipient.externalUserId("u").withSendToExistingOnly(false).withAttributes(Map.of("first_name", "A"))),
                BrazeOperation.canvas);
    }

    @Test
    void broadcastExcludesRecipientsAndNoRecipientsNeedsBroadcast() {
        assertInvalid(TriggerRequest.canvas("c").withBroadcast(true).withRecipients(USER), BrazeOperation.canvas, "recipients")
                .hasMessageContaining("not allowed with broadcast=true");
        assertInvalid(TriggerRequest.canvas("c"), BrazeOperation.canvas, "recipients").hasMessageContaining("broadcast=true");
        assertInvalid(TriggerRequest.canvas("c").withBroadcast(false).withRecipients(List.of()), BrazeOperation.canvas, "recipients");
        assertValid(TriggerRequest.canvas("c").withBroadcast(true), BrazeOperation.canvas);
    }

    @Test
    void personalizationIsAtMost50KilobytesTopLevelAndPerRecipient() {
        // {"k":"xxx..."} is 8 bytes of JSON around the value
        Map<String, Object> atLimit = Map.of("k", "x".repeat(PersonalizationLimits.MAX_BYTES - 8));
        Map<String, Object> overLimit = Map.of("k", "x".repeat(PersonalizationLimits.MAX_BYTES - 7));
        TriggerRequest canvas = TriggerRequest.canvas("c").withRecipients(USER);
        TriggerRequest campaign = TriggerRequest.campaign("c").withRecipients(USER);

        assertValid(canvas.withContext(atLimit), BrazeOperation.canvas);
        assertInvalid(canvas.withContext(overLimit), BrazeOperation.canvas, "context").hasMessageContaining("51201 bytes");
        assertInvalid(campaign.withTriggerProperties(overLimit), BrazeOperation.campaign, "trigger_properties");
        assertInvalidRecipient(USER.withContext(overLimit), "recipients[3].context");
        assertInvalid(campaign.withRecipients(USER, USER.withTriggerProperties(overLimit)), BrazeOperation.campaign,
                "recipients[1].trigger_properties");
    }

    @Test
    void personalizationThatIsNotJsonIsRefusedNamingTheField() {
        Map<String, Object> notJson = Map.of("broken", new Unwritable());

        assertInvalid(TriggerRequest.campaign("c").withRecipients(USER.withTriggerProperties(notJson)), BrazeOperation.campaign,
                "recipients[0].trigger_properties").hasMessageContaining("cannot be written as JSON");
    }

    @Test
    void multiByteCharactersCountInBytes() {
        Map<String, Object> overInBytes = Map.of("k", "é".repeat(PersonalizationLimits.MAX_BYTES / 2));

        assertInvalid(TriggerRequest.canvas("c").withRecipients(USER).withContext(overInBytes), BrazeOperation.canvas, "context");
    }

    @Test
    void attachmentsNeedFileNameAndUrlAndNoBroadcast() {
        TriggerRequest request = TriggerRequest.campaign("c").withRecipients(USER);

        assertValid(request.withAttachments(new Attachment("f", "https://u")), BrazeOperation.campaign);
        assertInvalid(request.withAttachments(new Attachment("f", "https://u"), new Attachment(null, "https://u")),
                BrazeOperation.campaign, "attachments[1].file_name");
        assertInvalid(request.withAttachments(new Attachment("f", " ")), BrazeOperation.campaign, "attachments[0].url");
        assertInvalid(TriggerRequest.campaign("c").withBroadcast(true).withAttachments(new Attachment("f", "https://u")),
                BrazeOperation.campaign, "attachments").hasMessageContaining("broadcast");
    }

    @Test
    void positionsAreThoseOfTheWholeUnsplitList() {
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            recipients.add(Recipient.externalUserId("u" + i));
        }
        recipients.set(117, Recipient.userAlias("n", ""));

        assertInvalid(TriggerRequest.canvas("c").withRecipients(recipients), BrazeOperation.canvas,
                "recipients[117].user_alias.alias_label");
    }
}
