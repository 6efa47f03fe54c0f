package io.camelbraze.trigger.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stream scenario's rows as a CSV file, for the route the issue asks for: {@code id,order_id,total,name}, row
 * {@code i} as {@link FlatRows#row(int)} gives it, except that one row in {@value #INVALID_EVERY} has no id (Braze would
 * refuse it; {@code invalidRecords=skip} sets it aside).
 */
final class CsvRows {

    static final int INVALID_EVERY = 100_000;

    private CsvRows() {
    }

    static boolean isInvalid(int row) {
        return row % INVALID_EVERY == INVALID_EVERY / 2;
    }

    /** Rows without an id among the first {@code rows}. */
    static int invalidAmong(int rows) {
        return (rows + INVALID_EVERY / 2) / INVALID_EVERY;
    }

    static Path write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,order_id,total,name\n");
            for (int i = 0; i < rows; i++) {
                out.write(isInvalid(i) ? "" : "u" + i);
                out.write(",A-" + i + ",42.5,Customer " + i + "\n");
            }
        }
        return file;
    }
}
