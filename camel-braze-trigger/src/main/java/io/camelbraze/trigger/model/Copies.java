package io.camelbraze.trigger.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only copies for the model's records. Unlike {@code Map.copyOf}, they keep null values and key order. */
final class Copies {

    private Copies() {
    }

    static <K, V> Map<K, V> map(Map<K, V> source) {
        return source == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? null : Collections.unmodifiableList(new ArrayList<>(source));
    }
}
