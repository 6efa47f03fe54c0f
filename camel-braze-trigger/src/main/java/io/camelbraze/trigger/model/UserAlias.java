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
