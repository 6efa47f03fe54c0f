package io.camelbraze.trigger.test;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sets JVM system properties and puts the previous values back. */
final class SystemProperties {

    private final Map<String, String> previous = new LinkedHashMap<>();

    synchronized void set(String name, String value) {
        if (!previous.containsKey(name)) {
            previous.put(name, System.getProperty(name));
        }
        System.setProperty(name, value);
    }

    synchronized void restore() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }
}
