package cn.jiangcheng.tracker.app.web;

/** The answer to a command that changed a record: which record; the caller reads it again for the rest. */
public record Accepted(String id) {
}
