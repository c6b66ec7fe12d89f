package cn.jiangcheng.tracker.command;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for {@link BusinessRuleViolation}, for Axon's {@code expectException(Matcher)}. */
public final class RuleViolations {
    private RuleViolations() {
    }

    /** A {@link BusinessRuleViolation} carrying the given code. */
    public static Matcher<BusinessRuleViolation> violationOf(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation violation) {
                return code.equals(violation.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a BusinessRuleViolation with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(BusinessRuleViolation violation, Description mismatch) {
                mismatch.appendText("had code ").appendValue(violation.code())
                        .appendText(" (").appendText(violation.getMessage()).appendText(")");
            }
        };
    }
}
