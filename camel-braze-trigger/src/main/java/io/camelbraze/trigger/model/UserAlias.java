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
package io.camelbraze.trigger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Braze user alias: both parts are required by Braze.
 *
 * @param aliasName  {@code alias_name}
 * @param aliasLabel {@code alias_label}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAlias(@JsonProperty("alias_name") String aliasName, @JsonProperty("alias_label") String aliasLabel) {
}
