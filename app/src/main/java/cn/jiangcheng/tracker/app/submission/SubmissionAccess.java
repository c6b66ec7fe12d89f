package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.org.EcologyBureau;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionDetail;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/** Who may see which report: its own unit, the county that reviews it, and the city-level roles of its city. */
@Component
public class SubmissionAccess {
    static final String NOT_FOUND = "未找到该填报记录";

    private final QueryGateway queryGateway;
    private final OrgDirectory orgDirectory;

    public SubmissionAccess(QueryGateway queryGateway, OrgDirectory orgDirectory) {
        this.queryGateway = queryGateway;
        this.orgDirectory = orgDirectory;
    }

    public SubmissionDetail visible(String submissionId, TrackerUser user) {
        return find(submissionId).filter(s -> canSee(s, user))
                .orElseThrow(() -> new NotFoundInScope(NOT_FOUND));
    }

    public Optional<SubmissionDetail> find(String submissionId) {
        return queryGateway.query(new FindSubmission(submissionId),
                ResponseTypes.optionalInstanceOf(SubmissionDetail.class)).join();
    }

    private boolean canSee(SubmissionDetail submission, TrackerUser user) {
        return Objects.equals(submission.reviewUnitId(), user.orgUnitId())
                || orgDirectory.isVisible(submission.orgUnitId(), user.orgUnitId(), user.cityId(), user.dataScope());
    }

    public Optional<String> approvalUnitOf(String cityId) {
        return orgDirectory.find(EcologyBureau.unitIdOf(cityId)).filter(OrgUnitView::active).map(OrgUnitView::id);
    }

    /** A unit below a county (a county department) is reviewed by that county before the city decides. */
    public String reviewUnitOf(OrgUnitView unit) {
        return orgDirectory.find(unit.parentId()).filter(p -> p.type() == OrgUnitType.COUNTY)
                .map(OrgUnitView::id).orElse(null);
    }

    public static String submissionId(String orgUnitId, String period) {
        return orgUnitId + "_" + period;
    }
}
