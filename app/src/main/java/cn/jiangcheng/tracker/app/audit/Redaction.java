package cn.jiangcheng.tracker.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;

/**
 * Secrets stay in the event store but not on an auditor's screen or in an export: a password hash is shown as a short
 * fingerprint, so a change is still visible without the hash itself leaving the database.
 */
final class Redaction {
    private static final Set<String> SECRET_FIELDS = Set.of("passwordHash", "password", "secret");

    private Redaction() {
    }

    /** True when the JSON (payload, metadata or state) had a secret, which was replaced in place. */
    static boolean redact(JsonNode node) {
        boolean found = false;
        if (node instanceof ObjectNode object) {
            var names = object.fieldNames();
            java.util.List<String> secrets = new java.util.ArrayList<>();
            while (names.hasNext()) {
                String name = names.next();
                if (SECRET_FIELDS.contains(name)) {
                    secrets.add(name);
                } else {
                    found |= redact(object.get(name));
                }
            }
            for (String name : secrets) {
                JsonNode value = object.get(name);
                object.set(name, TextNode.valueOf(value == null || value.isNull() ? null : fingerprint(value.asText())));
                found = true;
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                found |= redact(item);
            }
        }
        return found;
    }

    private static String fingerprint(String secret) {
        byte[] digest = ChainHash.digest(secret.getBytes(StandardCharsets.UTF_8));
        return "已隐藏·" + HexFormat.of().formatHex(digest, 0, 4);
    }
}
