package cn.jiangcheng.tracker.command.applicability;

import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.ConfirmNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RejectNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.SetNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableConfirmed;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableDeclared;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRejected;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableSet;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.applicabilityId;
import static cn.jiangcheng.tracker.command.Callers.madeBy;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

/**
 * Maker-checker on 不涉及: the city bureau reports some indicators itself, and the person of the bureau who
 * declared 不涉及 for it neither confirms nor rejects that declaration; another approver does.
 */
class IndicatorApplicabilityMakerCheckerTest {
    private static final String CITY_ID = "220200";
    private static final String BUREAU = "220200-sthj";
    private static final String INDICATOR_ID = "220200-I02";
    private static final String ID = applicabilityId(INDICATOR_ID, BUREAU);
    private static final Map<String, Object> BUREAU_BOTH = Callers.person("sthj-both", BUREAU, CITY_ID,
            Role.SUBMITTER, Role.APPROVER);

    private FixtureConfiguration<IndicatorApplicability> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IndicatorApplicability.class);
    }

    private static Object declaredByBoth() {
        return madeBy(BUREAU_BOTH, new NotApplicableDeclared(ID, INDICATOR_ID, BUREAU, CITY_ID, BUREAU, "本局不单独监测"));
    }

    @Test
    void whoDeclaredItDoesNotConfirmIt() {
        fixture.given(declaredByBoth())
                .when(new ConfirmNotApplicable(ID, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectExceptionMessage("不能审核自己提交的材料，请由其他审核人员处理")
                .expectNoEvents();
    }

    @Test
    void whoDeclaredItDoesNotRejectItEither() {
        fixture.given(declaredByBoth())
                .when(new RejectNotApplicable(ID, "应当填报", null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void anotherApproverConfirmsIt() {
        fixture.given(declaredByBoth())
                .when(new ConfirmNotApplicable(ID, null, null),
                        Callers.person("sthj-approver", BUREAU, CITY_ID, Role.APPROVER))
                .expectEvents(new NotApplicableConfirmed(ID, INDICATOR_ID, BUREAU, null));
    }

    /** Setting it directly while it waits would be confirming one's own declaration by another door. */
    @Test
    void whoDeclaredItDoesNotSetItDirectlyWhileItWaits() {
        fixture.given(declaredByBoth())
                .when(new SetNotApplicable(ID, INDICATOR_ID, BUREAU, CITY_ID, BUREAU, "本局不单独监测"), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectExceptionMessage("不能审核自己提交的材料，请由其他审核人员处理")
                .expectNoEvents();
    }

    @Test
    void anotherApproverMaySetItInPlaceOfDecidingTheDeclaration() {
        fixture.given(declaredByBoth())
                .when(new SetNotApplicable(ID, INDICATOR_ID, BUREAU, CITY_ID, BUREAU, "经核实不涉及"),
                        Callers.person("sthj-approver", BUREAU, CITY_ID, Role.APPROVER))
                .expectEvents(new NotApplicableSet(ID, INDICATOR_ID, BUREAU, CITY_ID, BUREAU, "经核实不涉及"));
    }

    /** After another approver rejected it, the declarer must not overrule the rejection by setting it directly. */
    @Test
    void whoDeclaredItDoesNotOverruleARejectionBySettingItDirectly() {
        fixture.given(declaredByBoth(), new NotApplicableRejected(ID, INDICATOR_ID, BUREAU, "应当填报"))
                .when(new SetNotApplicable(ID, INDICATOR_ID, BUREAU, CITY_ID, BUREAU, "本局不单独监测"),
                        Callers.person("sthj-both", BUREAU, CITY_ID, Role.SUBMITTER, Role.APPROVER))
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    /** One of the unit's own submitters exempts nothing for the unit, even without a declaration. */
    @Test
    void aSubmitterOfTheUnitDoesNotSetItDirectlyForItsOwnUnit() {
        fixture.givenNoPriorActivity()
                .when(new SetNotApplicable(ID, INDICATOR_ID, BUREAU, CITY_ID, BUREAU, "本局不单独监测"),
                        Callers.person("sthj-other-both", BUREAU, CITY_ID, Role.SUBMITTER, Role.APPROVER))
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }
}
