package cn.jiangcheng.tracker.app.web;

/** A request parameter or field the server cannot use; answered with 400 and the field named. */
public class BadRequest extends RuntimeException {
    private final String code;
    private final String field;

    public BadRequest(String field, String message) {
        this("BAD_REQUEST", field, message);
    }

    private BadRequest(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** A parameter the API no longer takes, answered like an unknown JSON field. */
    public static BadRequest unknownField(String field, String message) {
        return new BadRequest("UNKNOWN_FIELD", field, message);
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public static BadRequest period(String field, String period) {
        return new BadRequest(field, "填报期间“" + period + "”格式不正确，应为 2025、2025-Q1 或 2025-03");
    }
}
