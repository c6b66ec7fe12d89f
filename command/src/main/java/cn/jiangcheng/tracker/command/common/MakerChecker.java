package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import org.axonframework.messaging.MetaData;

/**
 * Maker-checker: whoever made a step (submitted a report, requested acceptance) never decides on it, whatever roles
 * the account holds. The maker is the user id in the metadata of the maker's event; the system, which seeds and
 * runs deadlines, is no person and is never refused here.
 */
public final class MakerChecker {
    public static final String SELF_REVIEW = "SELF_REVIEW";
    static final String MESSAGE = "不能审核自己提交的材料，请由其他审核人员处理";

    private MakerChecker() {
    }

    /** The user id of whoever caused the event whose metadata this is; null when none was stamped. */
    public static String makerOf(MetaData eventMetaData) {
        Object userId = eventMetaData.get(AuditKeys.USER_ID);
        return userId == null ? null : userId.toString();
    }

    /** Refuses the checker's command when it comes from the maker of the step it decides on. */
    public static void requireOtherThanMaker(MetaData commandMetaData, String makerUserId) {
        Actor checker = Actor.of(commandMetaData);
        Check.that(checker.isSystem() || makerUserId == null || !checker.is(makerUserId), SELF_REVIEW, MESSAGE);
    }

    /** Refuses the checker's command from someone who holds the maker's role for the unit decided on. */
    public static void requireNotMakerSide(MetaData commandMetaData, Role makerRole,
                                           String unitId) {
        Actor checker = Actor.of(commandMetaData);
        Check.that(checker.isSystem() || !checker.actsAs(makerRole, unitId), SELF_REVIEW, MESSAGE);
    }
}
