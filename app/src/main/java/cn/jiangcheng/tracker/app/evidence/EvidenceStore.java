package cn.jiangcheng.tracker.app.evidence;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.api.common.Evidence;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps evidence files of reports, cases and projects in PostgreSQL, each under the id of the record it belongs to.
 * Only files whose content matches their name's type are accepted: the first bytes are checked, not the name alone.
 */
@Component
public class EvidenceStore {
    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ofd", "application/ofd");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long maxBytes;

    public EvidenceStore(JdbcTemplate jdbc, Clock clock,
                         @Value("${tracker.evidence.max-file-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public record StoredFile(Evidence evidence, byte[] content) {
    }

    /** An upload names the version it was made against, like every other change (a form field, not JSON). */
    public static void requireVersion(Long expectedVersion) {
        if (expectedVersion == null || expectedVersion < 0) {
            throw new BadRequest("expectedVersion", "缺少版本号");
        }
    }

    /** Stores the file; call inside the transaction that also records the event that attaches it. */
    public Evidence store(String recordId, MultipartFile file, String uploadedBy) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BusinessRuleViolation("EMPTY_FILE", "请选择要上传的文件");
        }
        if (file.getSize() > maxBytes) {
            throw new BusinessRuleViolation("FILE_TOO_LARGE", "文件不能超过" + (maxBytes / 1024 / 1024) + " MB");
        }
        String name = cleanName(file.getOriginalFilename());
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String contentType = TYPES.get(extension);
        byte[] content = file.getBytes();
        if (contentType == null || !looksLike(extension, content)) {
            throw new BusinessRuleViolation("FILE_TYPE", "只能上传 PDF、JPG、PNG、Word（docx）、Excel（xlsx）或 OFD 文件");
        }
        String sha256 = sha256(content);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into evidence_file (id, submission_id, file_name, content_type, size_bytes, sha256, content,
                                           uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, recordId, name, contentType, (long) content.length, sha256, content, uploadedBy,
                Timestamp.from(clock.instant()));
        return new Evidence(id.toString(), name, contentType, content.length, sha256);
    }

    /**
     * The file as a download, if it was stored under the record and the record's events attached it: the bytes
     * table alone does not say whose a file is.
     */
    public ResponseEntity<byte[]> download(String recordId, String fileId, boolean attachedToRecord) {
        StoredFile file = load(recordId, fileId).filter(f -> attachedToRecord)
                .orElseThrow(() -> new NotFoundInScope("未找到该文件"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.evidence().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .body(file.content());
    }

    public Optional<StoredFile> load(String recordId, String fileId) {
        UUID id;
        try {
            id = UUID.fromString(fileId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("select * from evidence_file where id = ? and submission_id = ?", rs -> rs.next()
                ? Optional.of(new StoredFile(new Evidence(rs.getString("id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")),
                rs.getBytes("content"))) : Optional.empty(), id, recordId);
    }

    private static String cleanName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            throw new BusinessRuleViolation("FILE_NAME", "文件名不能为空");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean looksLike(String extension, byte[] c) {
        return switch (extension) {
            case "pdf" -> starts(c, 0x25, 0x50, 0x44, 0x46);
            case "png" -> starts(c, 0x89, 0x50, 0x4E, 0x47);
            case "jpg", "jpeg" -> starts(c, 0xFF, 0xD8, 0xFF);
            case "xlsx", "docx", "ofd" -> starts(c, 0x50, 0x4B, 0x03, 0x04);
            default -> false;
        };
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
