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
