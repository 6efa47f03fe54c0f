package io.camelbraze.trigger.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Subscription states a Connected Audience push or email subscription filter compares with. */
public enum SubscriptionState {
    OPTED_IN("opted_in"),
    SUBSCRIBED("subscribed"),
    UNSUBSCRIBED("unsubscribed");

    private final String brazeValue;

    SubscriptionState(String brazeValue) {
        this.brazeValue = brazeValue;
    }

    /** The value as Braze writes it, e.g. {@code opted_in}. */
    @JsonValue
    public String brazeValue() {
        return brazeValue;
    }
}
