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
