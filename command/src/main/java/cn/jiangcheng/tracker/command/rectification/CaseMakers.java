package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.command.common.MakerChecker;
import cn.jiangcheng.tracker.command.common.Makers;
import org.axonframework.messaging.MetaData;

/**
 * Who made each step of a case the inspector then decides on: the plan; the rectification (progress reports,
 * evidence and the request for acceptance since the last decision on it), which the acceptance and the closing
 * verify; and the request for an extension. Read from the metadata of those events.
 */
final class CaseMakers {
    private String planSubmittedBy;
    private final Makers rectificationMakers = new Makers();
    private String extensionRequestedBy;

    void planSubmitted(MetaData eventMetaData) {
        planSubmittedBy = MakerChecker.makerOf(eventMetaData);
    }

    /** Progress, evidence and the request for acceptance all make what the inspector verifies. */
    void rectified(MetaData eventMetaData) {
        rectificationMakers.add(eventMetaData);
    }

    /** A rejected acceptance or a reopened case starts a new round of rectification, with its own makers. */
    void rectificationDecided() {
        rectificationMakers.clear();
    }

    void extensionRequested(MetaData eventMetaData) {
        extensionRequestedBy = MakerChecker.makerOf(eventMetaData);
    }

    /** Returning a plan is deciding on it. */
    void requireNotPlanMaker(MetaData commandMetaData) {
        MakerChecker.requireOtherThanMaker(commandMetaData, planSubmittedBy);
    }

    /** Accepting, rejecting the acceptance and closing all verify what the unit reported. */
    void requireNotAcceptanceMaker(MetaData commandMetaData) {
        rectificationMakers.requireNoneOf(commandMetaData);
    }

    void requireNotExtensionMaker(MetaData commandMetaData) {
        MakerChecker.requireOtherThanMaker(commandMetaData, extensionRequestedBy);
    }
}
