package io.camelbraze.trigger.test;

/**
 * A send id the fake created through {@code POST /sends/id/create}.
 *
 * @param campaignId the {@code campaign_id}
 * @param sendId     the {@code send_id}: the one proposed, or one the fake made up
 */
public record CreatedSendId(String campaignId, String sendId) {
}
