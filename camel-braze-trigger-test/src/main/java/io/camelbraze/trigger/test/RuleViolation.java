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
package io.camelbraze.trigger.test;

/** A request Braze would refuse with 400; thrown inside the rule classes to stop at the first violation. */
final class RuleViolation extends RuntimeException {

    RuleViolation(String message) {
        super(message, null, false, false);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new RuleViolation(message);
        }
    }
}
