package cn.jiangcheng.tracker.api.common;

/**
 * A file attached as evidence to a report, a 督察整改 case or a project. The bytes live in PostgreSQL outside the
 * event store; the event carries their SHA-256, which proves which file it was. size is in bytes.
 * Events store this record as plain JSON fields, so its field names must never change.
 */
public record Evidence(String fileId, String fileName, String contentType, long size, String sha256) {
}
