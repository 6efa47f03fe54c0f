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

/**
 * The exchange could not be turned into a valid Braze request. Nothing was sent. The message names the field and, for
 * lists, the recipient's position (e.g. {@code recipients[3].user_alias.alias_label}).
 */
public class BrazeValidationException extends BrazeTriggerException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BrazeValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public BrazeValidationException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code recipients[3].email}. */
    public String getField() {
        return field;
    }
}
