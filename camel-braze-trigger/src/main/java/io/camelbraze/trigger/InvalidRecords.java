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

/** What the producer does with a record Braze would refuse (option {@code invalidRecords}). */
public enum InvalidRecords {
    /** Fail the exchange with BrazeValidationException (before anything is sent, for a body held in memory). */
    fail,
    /** Send the valid records; list each invalid one in the header CamelBrazeRejectedRecords. */
    skip
}
