package cn.jiangcheng.tracker.app.web;

import java.util.List;

/** The one error shape of the whole API. message is Chinese and meant for the person at the screen. */
public record ApiError(String code, String message, List<FieldError> fieldErrors) {
    public record FieldError(String field, String message) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }
}
