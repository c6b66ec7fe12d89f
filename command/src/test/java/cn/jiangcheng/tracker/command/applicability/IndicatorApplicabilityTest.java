package cn.jiangcheng.tracker.command.applicability;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.ConfirmNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.DeclareNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RejectNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RevokeNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.SetNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableConfirmed;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableDeclared;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRejected;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRevoked;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableSet;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.applicabilityId;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

/** 不涉及 for one indicator and one unit: declared by the unit, decided by the city bureau. */
class IndicatorApplicabilityTest {
    static final String CITY_ID = "220200";
    static final String INDICATOR_ID = "220200-I08";
    static final String UNIT_ID = "220272";
    static final String APPROVAL_UNIT_ID = "220200-sthj";
    static final String ID = applicabilityId(INDICATOR_ID, UNIT_ID);
    static final String REASON = "高新区无受污染耕地";

    private FixtureConfiguration<IndicatorApplicability> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IndicatorApplicability.class);
    }

    static Map<String, Object> submitter() {
        return Callers.person("gaoxin-submitter", UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> otherUnitSubmitter() {
        return Callers.person("yongji-submitter", "220221", CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> approver() {
        return Callers.person("sthj-approver", APPROVAL_UNIT_ID, CITY_ID, Role.APPROVER);
    }

    /** An approver of a county: decides its departments' reports, not what the city expects. */
    static Map<String, Object> countyApprover() {
        return Callers.person("yongji-approver", "220221", CITY_ID, Role.APPROVER);
    }

    static Map<String, Object> otherCityApprover() {
        return Callers.person("cc-approver", "220100-sthj", "220100", Role.APPROVER);
    }

    static DeclareNotApplicable declare(String reason) {
        return new DeclareNotApplicable(ID, INDICATOR_ID, UNIT_ID, CITY_ID, APPROVAL_UNIT_ID, reason);
    }

    static SetNotApplicable set(String reason) {
        return new SetNotApplicable(ID, INDICATOR_ID, UNIT_ID, CITY_ID, APPROVAL_UNIT_ID, reason);
    }

    static NotApplicableDeclared declared() {
        return new NotApplicableDeclared(ID, INDICATOR_ID, UNIT_ID, CITY_ID, APPROVAL_UNIT_ID, REASON);
    }

    static NotApplicableConfirmed confirmed() {
        return new NotApplicableConfirmed(ID, INDICATOR_ID, UNIT_ID, null);
    }

    @Nested
    class Declaring {
        @Test
        void theUnitsSubmitterDeclaresWithAReason() {
            fixture.givenNoPriorActivity()
                    .when(declare("  " + REASON + " "), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(declared());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void aReasonIsRequired(String reason) {
            fixture.givenNoPriorActivity()
                    .when(declare(reason), submitter())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("不涉及原因不能为空")
                    .expectNoEvents();
        }

        @Test
        void theReasonHasAtMost500Characters() {
            fixture.givenNoPriorActivity()
                    .when(declare("无".repeat(501)), submitter())
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void anotherUnitCannotDeclareForIt() {
            fixture.givenNoPriorActivity()
                    .when(declare(REASON), otherUnitSubmitter())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void anApproverCannotDeclareButSetsDirectly() {
            fixture.givenNoPriorActivity()
                    .when(declare(REASON), approver())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void anotherCityDoesNotFindTheUnit() {
            fixture.givenNoPriorActivity()
                    .when(declare(REASON), Callers.person("cc-submitter", UNIT_ID, "220100", Role.SUBMITTER))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void theIdMustNameIndicatorAndUnit() {
            fixture.givenNoPriorActivity()
                    .when(new DeclareNotApplicable(applicabilityId(INDICATOR_ID, "220221"), INDICATOR_ID, UNIT_ID,
                            CITY_ID, APPROVAL_UNIT_ID, REASON), submitter())
                    .expectException(violationOf("BAD_ID"))
                    .expectNoEvents();
        }

        @Test
        void aPendingDeclarationIsNotDeclaredTwice() {
            fixture.given(declared())
                    .when(declare(REASON), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aRejectedDeclarationMayBeDeclaredAgainWithABetterReason() {
            fixture.given(declared(), new NotApplicableRejected(ID, INDICATOR_ID, UNIT_ID, "请附证明"))
                    .when(declare("高新区无耕地，见自然资源局证明"), submitter())
                    .expectEvents(new NotApplicableDeclared(ID, INDICATOR_ID, UNIT_ID, CITY_ID, APPROVAL_UNIT_ID,
                            "高新区无耕地，见自然资源局证明"));
        }
    }

    @Nested
    class Deciding {
        @Test
        void theBureauConfirms() {
            fixture.given(declared())
                    .when(new ConfirmNotApplicable(ID, " 已核实 ", 0L), approver())
                    .expectEvents(new NotApplicableConfirmed(ID, INDICATOR_ID, UNIT_ID, "已核实"));
        }

        @Test
        void confirmingTwiceIsRefused() {
            fixture.given(declared(), confirmed())
                    .when(new ConfirmNotApplicable(ID, null, 1L), approver())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aDecisionOnAnOutdatedScreenIsAConflict() {
            fixture.given(declared(), new NotApplicableRejected(ID, INDICATOR_ID, UNIT_ID, "请附证明"),
                            declared())
                    .when(new ConfirmNotApplicable(ID, null, 1L), approver())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void theBureauRejectsWithAReason() {
            fixture.given(declared())
                    .when(new RejectNotApplicable(ID, "高新区有耕地，请如实填报", 0L), approver())
                    .expectEvents(new NotApplicableRejected(ID, INDICATOR_ID, UNIT_ID, "高新区有耕地，请如实填报"));
        }

        @Test
        void aRejectionNeedsAReason() {
            fixture.given(declared())
                    .when(new RejectNotApplicable(ID, " ", 0L), approver())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("驳回原因不能为空")
                    .expectNoEvents();
        }

        @Test
        void aSubmitterCannotDecideItsOwnDeclaration() {
            fixture.given(declared())
                    .when(new ConfirmNotApplicable(ID, null, 0L), submitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void aCountyApproverDoesNotDecide() {
            fixture.given(declared())
                    .when(new ConfirmNotApplicable(ID, null, 0L), countyApprover())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void anotherCityDoesNotFindTheRecord() {
            fixture.given(declared())
                    .when(new RejectNotApplicable(ID, "无", 0L), otherCityApprover())
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void nothingToDecideBeforeADeclaration() {
            fixture.given(declared(), new NotApplicableRejected(ID, INDICATOR_ID, UNIT_ID, "请附证明"))
                    .when(new ConfirmNotApplicable(ID, null, 1L), approver())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SettingAndRevoking {
        @Test
        void theBureauSetsItDirectly() {
            fixture.givenNoPriorActivity()
                    .when(set("高新区无受污染耕地（自然资源局核实）"), approver())
                    .expectEvents(new NotApplicableSet(ID, INDICATOR_ID, UNIT_ID, CITY_ID, APPROVAL_UNIT_ID,
                            "高新区无受污染耕地（自然资源局核实）"));
        }

        @Test
        void settingDirectlyDecidesAPendingDeclaration() {
            fixture.given(declared())
                    .when(set("已核实"), approver())
                    .expectEvents(new NotApplicableSet(ID, INDICATOR_ID, UNIT_ID, CITY_ID, APPROVAL_UNIT_ID, "已核实"));
        }

        @Test
        void settingNeedsAReason() {
            fixture.givenNoPriorActivity()
                    .when(set(null), approver())
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aSubmitterCannotSetIt() {
            fixture.givenNoPriorActivity()
                    .when(set(REASON), submitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void aConfirmedOneIsNotSetAgain() {
            fixture.given(declared(), confirmed())
                    .when(set(REASON), approver())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void theBureauRevokesAConfirmedOne() {
            fixture.given(declared(), confirmed())
                    .when(new RevokeNotApplicable(ID, "已新增受污染耕地", 1L), approver())
                    .expectEvents(new NotApplicableRevoked(ID, INDICATOR_ID, UNIT_ID, "已新增受污染耕地"));
        }

        @Test
        void onlyAConfirmedOneIsRevoked() {
            fixture.given(declared())
                    .when(new RevokeNotApplicable(ID, "撤销", 0L), approver())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void revokingNeedsAReason() {
            fixture.given(declared(), confirmed())
                    .when(new RevokeNotApplicable(ID, "", 1L), approver())
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aRevokedOneMayBeDeclaredAgain() {
            fixture.given(declared(), confirmed(), new NotApplicableRevoked(ID, INDICATOR_ID, UNIT_ID, "误设"))
                    .when(declare(REASON), submitter())
                    .expectEvents(declared());
        }

        @Test
        void aSubmitterCannotRevoke() {
            fixture.given(declared(), confirmed())
                    .when(new RevokeNotApplicable(ID, "撤销", 1L), submitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }
    }
}
