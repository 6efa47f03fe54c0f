package io.camelbraze.examples.run;

import java.util.List;

/**
 * Where one source's input ended up: sent to Braze, or rejected to a named place with reasons. {@code settled} is true
 * once the source holds nothing in progress (inbox empty, queue drained, no row being sent).
 */
public record SourceReport(String source, String unit, int seeded, int sent, int rejected, String rejectedTo,
                           List<String> rejectReasons, boolean settled, String sentDetail) {

    public int handled() {
        return sent + rejected;
    }

    /** Records neither sent nor rejected. Only meaningful once the run is over. */
    public int unaccounted() {
        return seeded - handled();
    }

    public boolean complete() {
        return settled && handled() >= seeded;
    }
}
