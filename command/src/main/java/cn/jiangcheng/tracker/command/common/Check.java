package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;

import java.util.Arrays;

/**
 * The checks aggregates make on what a command says; a failed check is a {@link BusinessRuleViolation} (422) whose
 * message a civil servant can act on.
 */
public final class Check {
    private Check() {
    }

    public static void that(boolean condition, String code, String message) {
        if (!condition) {
            throw new BusinessRuleViolation(code, message);
        }
    }

    public static String text(String value, int maxLength, String fieldLabel) {
        that(value != null && !value.isBlank(), "REQUIRED", fieldLabel + "不能为空");
        String trimmed = value.strip();
        that(trimmed.length() <= maxLength, "TOO_LONG", fieldLabel + "不能超过" + maxLength + "个字符");
        return trimmed;
    }

    /** A text that may be left out: blank is none, anything else is trimmed and checked like a required one. */
    public static String optionalText(String value, int maxLength, String fieldLabel) {
        return value == null || value.isBlank() ? null : text(value, maxLength, fieldLabel);
    }

    /** The aggregate is in one of the allowed states, or the command comes at the wrong time (WRONG_STATUS). */
    @SafeVarargs
    public static <S extends Enum<S>> void status(S current, String message, S... allowed) {
        that(Arrays.asList(allowed).contains(current), "WRONG_STATUS", message);
    }
}
