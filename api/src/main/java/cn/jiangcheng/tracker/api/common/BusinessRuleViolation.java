package cn.jiangcheng.tracker.api.common;

/** A command that is well-formed but breaks a rule of the domain; the message is shown to the user. */
public class BusinessRuleViolation extends RuntimeException {
    private final String code;

    public BusinessRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
