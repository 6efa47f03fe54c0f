package io.camelbraze.trigger.benchmarks;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of a few measurements. */
final class Median {

    private Median() {
    }

    static <T> double of(List<T> values, ToDoubleFunction<T> measure) {
        double[] sorted = values.stream().mapToDouble(measure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
