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
package io.camelbraze.examples.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.examples.infra.OutboxDatabase;

/**
 * The inputs the examples are seeded with. Each source holds valid records and invalid ones, so the run shows both
 * sends and rejections.
 */
public final class SampleData {

    public static final String ORDERS_FILE = "orders-2025-06-01.csv";
    /** The CSV's first lines, written by hand; {@link #ORDERS_CSV} continues with generated orders up to A-1120. */
    private static final String ORDERS_CSV_HEAD = """
            order_id,customer_id,first_name,order_total,currency
            A-1001,customer-17,Ada,42.50,EUR
            A-1002,customer-23,Grace,19.99,EUR
            A-1003,,Linus,5.00,EUR
            A-1004,customer-42,Margaret,120.00,EUR
            A-1005,customer-51,Barbara,64.10,EUR
            A-1006,customer-64,Dennis,8.75,EUR
            A-1007,customer-77,Frances,31.00,EUR
            A-1008,customer-89,Edsger,99.90,EUR
            """;
    public static final int ORDERS_ROWS = 120;
    /**
     * The data rows (1-based, the header not counted) that Braze would refuse: A-1003 has no customer id, A-1058 only
     * blanks, A-1090 was cut off after its order id. In {@code CamelBrazeRejectedRecords} their positions are 0-based.
     */
    public static final List<Integer> ORDERS_BAD_ROWS = List.of(3, 58, 90);
    /**
     * 120 orders (A-1001 … A-1120), three of them without a usable customer id: sent in one exchange that is 117
     * recipients in requests of 50 + 50 + 17, and 3 rejects.
     */
    public static final String ORDERS_CSV = ordersCsv();
    public static final int ORDERS_INVALID = ORDERS_BAD_ROWS.size();
    public static final int ORDERS_VALID = ORDERS_ROWS - ORDERS_INVALID;

    /** 5 valid messages (one of them a whole request for 2 users) and one with two identifiers (dead-lettered). */
    public static final List<String> QUEUE_MESSAGES = List.of(
            "{\"external_user_id\":\"customer-17\",\"trigger_properties\":{\"coupon_code\":\"SUMMER-10\",\"expires\":\"2025-07-01\"}}",
            "{\"external_user_id\":\"customer-23\",\"trigger_properties\":{\"coupon_code\":\"SUMMER-15\",\"expires\":\"2025-07-01\"}}",
            "{\"trigger_properties\":{\"coupon_code\":\"VIP-25\"},\"recipients\":[{\"external_user_id\":\"customer-42\"},"
            + "{\"external_user_id\":\"customer-51\",\"trigger_properties\":{\"coupon_code\":\"VIP-30\"}}]}",
            "{\"external_user_id\":\"customer-64\",\"email\":\"dennis@example.com\",\"trigger_properties\":{\"coupon_code\":\"X\"}}",
            "{\"external_user_id\":\"customer-77\",\"trigger_properties\":{\"coupon_code\":\"SUMMER-10\",\"expires\":\"2025-07-01\"}}",
            "{\"external_user_id\":\"customer-89\",\"trigger_properties\":{\"coupon_code\":\"SUMMER-20\",\"expires\":\"2025-07-01\"}}");
    public static final int QUEUE_VALID = 5;
    public static final int QUEUE_INVALID = 1;

    /** 120 recipients, one line each (newline-delimited JSON); line 78 names the customer twice (id and email). */
    public static final String BATCH_LARGE = "summer-sale-batch-1.ndjson";
    public static final int BATCH_LARGE_SIZE = 120;
    public static final int BATCH_LARGE_BAD_LINE = 78;
    /** 30 recipients, all valid. */
    public static final String BATCH_SMALL = "summer-sale-batch-2.ndjson";
    public static final int BATCH_SMALL_SIZE = 30;
    /** 3 recipients; line 2 has no identifier at all. */
    public static final String BATCH_BROKEN = "summer-sale-batch-3.ndjson";
    public static final int BATCH_BROKEN_SIZE = 3;
    public static final int BATCH_BROKEN_BAD_LINE = 2;
    public static final int BATCH_RECIPIENTS = BATCH_LARGE_SIZE + BATCH_SMALL_SIZE + BATCH_BROKEN_SIZE;
    public static final int BATCH_INVALID = 2;

    /** 6 outbox rows, one without an external user id (rejected). */
    public static final int OUTBOX_VALID = 5;
    public static final int OUTBOX_INVALID = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleData() {
    }

    /** Drops the orders CSV into {@code inbox}, atomically so the file consumer never sees half a file. */
    public static void dropOrders(Path inbox) {
        dropFile(inbox, ORDERS_FILE, ORDERS_CSV);
    }

    /** Drops the three batch files into the SFTP server's {@code batches} folder. */
    public static void dropBatches(Path batches) {
        List<Map<String, Object>> large = recipients("summer-", 1, BATCH_LARGE_SIZE);
        large.get(BATCH_LARGE_BAD_LINE - 1).put("email", "summer-78@example.com");
        dropFile(batches, BATCH_LARGE, ndjson(large));
        dropFile(batches, BATCH_SMALL, ndjson(recipients("summer-", 1001, BATCH_SMALL_SIZE)));
        List<Map<String, Object>> broken = recipients("summer-", 2001, BATCH_BROKEN_SIZE);
        broken.get(BATCH_BROKEN_BAD_LINE - 1).remove("external_user_id");
        dropFile(batches, BATCH_BROKEN, ndjson(broken));
    }

    public static void insertOutboxRows(OutboxDatabase database) {
        database.insertPending("customer-17", "Ada", "DHL", "JD014600003812345678");
        database.insertPending("customer-23", "Grace", "UPS", "1Z999AA10123456784");
        database.insertPending(null, "Linus", "DHL", "JD014600003812345679");
        database.insertPending("customer-42", "Margaret", "GLS", "GLS-5578-2231");
        database.insertPending("customer-51", "Barbara", "DHL", "JD014600003812345680");
        database.insertPending("customer-64", "Dennis", "UPS", "1Z999AA10123456785");
    }

    static List<Map<String, Object>> recipients(String prefix, int first, int count) {
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("external_user_id", prefix + i);
            recipient.put("context", Map.of("discount_percent", 10 + i % 3 * 5));
            recipients.add(recipient);
        }
        return recipients;
    }

    /** One JSON object a line. */
    private static String ndjson(List<Map<String, Object>> records) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> record : records) {
            try {
                text.append(JSON.writeValueAsString(record)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    private static String ordersCsv() {
        StringBuilder csv = new StringBuilder(ORDERS_CSV_HEAD);
        String[] names = { "Alan", "Hedy", "Ken", "Radia", "Niklaus", "Sophie", "Tim", "Donald" };
        for (int row = 9; row <= ORDERS_ROWS; row++) {
            String order = "A-" + (1000 + row);
            if (row == ORDERS_BAD_ROWS.get(1)) {
                csv.append(order).append(",   ,Katherine,12.00,EUR\n");
            } else if (row == ORDERS_BAD_ROWS.get(2)) {
                csv.append(order).append('\n');
            } else {
                csv.append(order).append(",customer-").append(1000 + row).append(',').append(names[row % names.length])
                        .append(',').append(10 + row % 50).append(".00,EUR\n");
            }
        }
        return csv.toString();
    }

    private static void dropFile(Path folder, String name, String content) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".incoming-", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
