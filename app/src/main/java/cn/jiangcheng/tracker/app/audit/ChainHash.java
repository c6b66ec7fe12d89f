package cn.jiangcheng.tracker.app.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The link of one event in the tamper-evident chain: SHA-256 over the previous link and the event row's canonical
 * bytes. Every field is written as a 4-byte big-endian length and its bytes (text as UTF-8, absent as length 0), in
 * this order: event identifier, aggregate type, aggregate identifier, sequence number, payload type, payload
 * revision, timestamp (as stored), SHA-256 of the payload, SHA-256 of the metadata (absent metadata: of no bytes).
 * Hashing the payload by its digest lets an export leave out a secret (a password hash) and still be checkable
 * offline. docs/audit-chain.md repeats this so anyone can check offline.
 */
public final class ChainHash {
    public static final byte[] GENESIS = new byte[32];

    private ChainHash() {
    }

    public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                              long sequenceNumber, String payloadType, String payloadRevision, String timestamp,
                              byte[] payload, byte[] metadata) {
    }

    public static byte[] link(byte[] previous, StoredEvent event) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(canonical(event));
        return sha.digest();
    }

    static byte[] canonical(StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        text(out, e.eventIdentifier());
        text(out, e.aggregateType());
        text(out, e.aggregateIdentifier());
        text(out, Long.toString(e.sequenceNumber()));
        text(out, e.payloadType());
        text(out, e.payloadRevision());
        text(out, e.timestamp());
        bytes(out, digest(e.payload()));
        bytes(out, digest(e.metadata()));
        return out.toByteArray();
    }

    public static byte[] digest(byte[] bytes) {
        return sha256().digest(bytes == null ? new byte[0] : bytes);
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        int length = length(value);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        if (length > 0) {
            out.writeBytes(value);
        }
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
