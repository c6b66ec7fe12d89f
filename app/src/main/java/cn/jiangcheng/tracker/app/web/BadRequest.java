package cn.jiangcheng.tracker.app.web;

/** A request parameter or field the server cannot use; answered with 400 and the field named. */
public class BadRequest extends RuntimeException {
    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static BadRequest period(String field, String period) {
        return new BadRequest(field, "填报期间“" + period + "”格式不正确，应为 2025、2025-Q1 或 2025-03");
    }
}
