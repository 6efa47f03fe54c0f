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
package io.camelbraze.trigger.delivery;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One serialised request body, ready to send.
 *
 * @param index          position among the exchange's requests
 * @param json           the exact bytes sent
 * @param recipientCount recipients in it (0 for an audience or broadcast send)
 * @param fingerprint    hash of position and body, recognising an already accepted chunk on redelivery
 */
public record PreparedChunk(int index, byte[] json, int recipientCount, byte[] fingerprint) {

    public PreparedChunk(int index, byte[] json, int recipientCount) {
        this(index, json, recipientCount, fingerprintOf(index, json));
    }

    private static byte[] fingerprintOf(int index, byte[] json) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(4).putInt(index).array());
            return digest.digest(json);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
