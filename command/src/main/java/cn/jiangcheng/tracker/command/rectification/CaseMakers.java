package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.command.common.MakerChecker;
import org.axonframework.messaging.MetaData;

/**
 * Who made each step of a case the inspector then decides on: the plan, the request for acceptance (which the
 * acceptance and the closing verify) and the request for an extension. Read from the metadata of those events.
 */
final class CaseMakers {
    private String planSubmittedBy;
    private String acceptanceRequestedBy;
    private String extensionRequestedBy;

    void planSubmitted(MetaData eventMetaData) {
        planSubmittedBy = MakerChecker.makerOf(eventMetaData);
    }

    void acceptanceRequested(MetaData eventMetaData) {
        acceptanceRequestedBy = MakerChecker.makerOf(eventMetaData);
    }

    void extensionRequested(MetaData eventMetaData) {
        extensionRequestedBy = MakerChecker.makerOf(eventMetaData);
    }

    /** Returning a plan is deciding on it. */
    void requireNotPlanMaker(MetaData commandMetaData) {
        MakerChecker.requireOtherThanMaker(commandMetaData, planSubmittedBy);
    }

    /** Accepting, rejecting the acceptance and closing all verify what the requester reported. */
    void requireNotAcceptanceMaker(MetaData commandMetaData) {
        MakerChecker.requireOtherThanMaker(commandMetaData, acceptanceRequestedBy);
    }

    void requireNotExtensionMaker(MetaData commandMetaData) {
        MakerChecker.requireOtherThanMaker(commandMetaData, extensionRequestedBy);
    }
}
