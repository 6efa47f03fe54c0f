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

import static io.camelbraze.trigger.BrazeTriggerConstants.ATTRIBUTES;
import static io.camelbraze.trigger.BrazeTriggerConstants.EMAIL;
import static io.camelbraze.trigger.BrazeTriggerConstants.EXTERNAL_USER_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.USER_ALIAS_LABEL;
import static io.camelbraze.trigger.BrazeTriggerConstants.USER_ALIAS_NAME;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;

/**
 * The single recipient built from the identity headers ({@code CamelBrazeExternalUserId}, {@code CamelBrazeUserAliasName} +
 * {@code CamelBrazeUserAliasLabel} or {@code CamelBrazeEmail}) with {@code CamelBrazeAttributes}.
 */
final class HeaderRecipient {

    private HeaderRecipient() {
    }

    /** The names of the identity headers set on the message, in a stable order. */
    static List<String> identityHeaders(Message message) {
        List<String> names = new ArrayList<>();
        for (String header : List.of(EXTERNAL_USER_ID, USER_ALIAS_NAME, USER_ALIAS_LABEL, EMAIL)) {
            if (message.getHeader(header) != null) {
                names.add(header);
            }
        }
        return names;
    }

    /**
     * The recipient the headers describe, or null when no identity header is set. Prioritization is not set here: it is the
     * default for every email recipient (see {@link BrazeRequestMapper}).
     *
     * @throws BrazeValidationException when the headers name more than one identifier, half an alias, or attributes without
     *                                  a recipient
     */
    static Recipient fromHeaders(Message message) {
        List<String> identity = identityHeaders(message);
        Map<String, Object> attributes = HeaderValues.object(message, ATTRIBUTES);
        if (identity.isEmpty()) {
            if (attributes != null) {
                throw new BrazeValidationException(ATTRIBUTES, "applies to the recipient built from the headers "
                                                               + EXTERNAL_USER_ID + ", " + USER_ALIAS_NAME + " or " + EMAIL
                                                               + ", but none is set; put attributes in the body's recipients instead");
            }
            return null;
        }
        boolean alias = identity.contains(USER_ALIAS_NAME) || identity.contains(USER_ALIAS_LABEL);
        int identifiers = (identity.contains(EXTERNAL_USER_ID) ? 1 : 0) + (alias ? 1 : 0) + (identity.contains(EMAIL) ? 1 : 0);
        if (identifiers > 1) {
            throw new BrazeValidationException(identity.get(0), "headers " + String.join(", ", identity)
                                                                + " name more than one identifier; a recipient has exactly one");
        }
        Recipient recipient;
        if (identity.contains(EXTERNAL_USER_ID)) {
            recipient = Recipient.externalUserId(HeaderValues.text(message, EXTERNAL_USER_ID));
        } else if (alias) {
            for (String part : List.of(USER_ALIAS_NAME, USER_ALIAS_LABEL)) {
                if (!identity.contains(part)) {
                    throw new BrazeValidationException(part, "required: a user alias needs both " + USER_ALIAS_NAME + " and "
                                                             + USER_ALIAS_LABEL);
                }
            }
            recipient = Recipient.userAlias(HeaderValues.text(message, USER_ALIAS_NAME), HeaderValues.text(message, USER_ALIAS_LABEL));
        } else {
            recipient = Recipient.email(HeaderValues.text(message, EMAIL));
        }
        return recipient.withAttributes(attributes);
    }
}
