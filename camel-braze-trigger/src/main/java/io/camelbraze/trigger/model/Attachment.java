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
 * An email attachment of a campaign send (campaign endpoint only; not allowed with {@code broadcast}).
 *
 * @param fileName {@code file_name}: the name without extension (Braze takes the extension from the URL)
 * @param url      {@code url}: where Braze downloads the file (at most 2 MB)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(@JsonProperty("file_name") String fileName, @JsonProperty("url") String url) {
}
