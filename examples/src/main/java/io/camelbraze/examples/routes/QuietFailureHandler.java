package io.camelbraze.examples.routes;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a consumer's failed exchange in one line instead of a stack trace: the routes already say where the input went.
 * Bound as {@value #BEAN_NAME}.
 */
public final class QuietFailureHandler implements ExceptionHandler {

    public static final String BEAN_NAME = "quietFailures";

    private static final Logger LOG = LoggerFactory.getLogger(QuietFailureHandler.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        String file = exchange == null ? null : exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        LOG.warn("{} not sent ({}: {}); moved to the failed folder", file == null ? "input" : file,
                 exception == null ? "?" : exception.getClass().getSimpleName(),
                 exception == null ? message : exception.getMessage());
    }
}
