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
