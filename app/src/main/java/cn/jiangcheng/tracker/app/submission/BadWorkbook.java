package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;

/** How a form that cannot be read is refused: one code, a Chinese message saying what to change. */
final class BadWorkbook {
    static final String CODE = "BAD_WORKBOOK";

    private BadWorkbook() {
    }

    static BusinessRuleViolation bad(String message) {
        return new BusinessRuleViolation(CODE, message);
    }

    /** What the user typed, quoted back without filling the message. */
    static String shorten(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
