package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;

/** Small checks shared by aggregates; each failure carries a message a civil servant can act on. */
public final class Rules {
    private Rules() {
    }

    public static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw new BusinessRuleViolation(code, message);
        }
    }

    public static String requireText(String value, int maxLength, String fieldLabel) {
        require(value != null && !value.isBlank(), "REQUIRED", fieldLabel + "不能为空");
        String trimmed = value.strip();
        require(trimmed.length() <= maxLength, "TOO_LONG", fieldLabel + "不能超过" + maxLength + "个字符");
        return trimmed;
    }

    /** A text that may be left out: blank is none, anything else is trimmed and checked like a required one. */
    public static String optionalText(String value, int maxLength, String fieldLabel) {
        return value == null || value.isBlank() ? null : requireText(value, maxLength, fieldLabel);
    }
}
