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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Braze instances and their REST hosts. There is no US-09; EU hosts end in {@code .braze.eu}.
 */
public enum BrazeInstance {
    US_01("US-01", "https://rest.iad-01.braze.com"),
    US_02("US-02", "https://rest.iad-02.braze.com"),
    US_03("US-03", "https://rest.iad-03.braze.com"),
    US_04("US-04", "https://rest.iad-04.braze.com"),
    US_05("US-05", "https://rest.iad-05.braze.com"),
    US_06("US-06", "https://rest.iad-06.braze.com"),
    US_07("US-07", "https://rest.iad-07.braze.com"),
    US_08("US-08", "https://rest.iad-08.braze.com"),
    US_10("US-10", "https://rest.us-10.braze.com"),
    EU_01("EU-01", "https://rest.fra-01.braze.eu"),
    EU_02("EU-02", "https://rest.fra-02.braze.eu"),
    AU_01("AU-01", "https://rest.au-01.braze.com"),
    ID_01("ID-01", "https://rest.id-01.braze.com"),
    JP_01("JP-01", "https://rest.jp-01.braze.com"),
    KR_01("KR-01", "https://rest.kr-01.braze.com");

    private final String code;
    private final String restUrl;

    BrazeInstance(String code, String restUrl) {
        this.code = code;
        this.restUrl = restUrl;
    }

    public String code() {
        return code;
    }

    public String restUrl() {
        return restUrl;
    }

    /** Comma-separated list of every valid code, for messages and the option's enum list. */
    public static String validCodes() {
        return Arrays.stream(values()).map(BrazeInstance::code).collect(Collectors.joining(", "));
    }

    /**
     * Looks an instance up by its code, ignoring case ({@code us-01}, {@code US-01}; {@code US_01} is accepted too).
     *
     * @throws IllegalArgumentException naming the valid codes when the code is unknown
     */
    public static BrazeInstance fromCode(String code) {
        if (code != null) {
            String normalised = code.trim().toUpperCase(Locale.ROOT).replace('_', '-');
            for (BrazeInstance instance : values()) {
                if (instance.code.equals(normalised)) {
                    return instance;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown Braze instance '" + code + "'. Valid instances: " + validCodes());
    }
}
