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
