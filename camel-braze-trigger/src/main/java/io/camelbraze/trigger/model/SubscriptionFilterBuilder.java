package io.camelbraze.trigger.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finishes a {@code push_subscription_status} or {@code email_subscription_status} filter started with
 * {@link Audience#pushSubscriptionStatus()} or {@link Audience#emailSubscriptionStatus()}.
 */
public final class SubscriptionFilterBuilder {

    private final String filterType;

    SubscriptionFilterBuilder(String filterType) {
        this.filterType = filterType;
    }

    /** Users whose subscription state is {@code state}. */
    public Audience is(SubscriptionState state) {
        return build("is", state);
    }

    /** Users whose subscription state is not {@code state}. */
    public Audience isNot(SubscriptionState state) {
        return build("is_not", state);
    }

    private Audience build(String comparison, SubscriptionState state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("comparison", comparison);
        fields.put("value", state.brazeValue());
        return Audience.filter(filterType, fields);
    }
}
