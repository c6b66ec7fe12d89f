package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.AssignIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ConfirmTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ProposeProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ProposeTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.RejectTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.WithdrawTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeIndicatorTargets;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangePlausibilityShare;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.DefineIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.SetProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorAssigned;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorDefined;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorTargetsChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.PlausibilityShareChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ProvincialTargetSet;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ReportingCalendarChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeConfirmed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeProposed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeRejected;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeWithdrawn;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Kind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.command.Callers.adminOf;
import static cn.jiangcheng.tracker.command.Callers.system;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

/** The catalog entry of one indicator of 吉林市's plan: its definition, targets, assignment and jump threshold. */
class IndicatorTest {
    private static final String CITY_ID = "220200";
    private static final String OTHER_CITY_ID = "220100";
    private static final String WATER = "220200-01";
    private static final String AIR = "220200-02";

    private static final Target TARGET_2025 = target(PlanLevel.CITY, 2025, TargetKind.AT_LEAST, "90", "≥90");
    private static final Target TARGET_2030 = target(PlanLevel.CITY, 2030, TargetKind.PROVINCIAL, null,
            "完成省下达目标");
    private static final Target PROVINCE_2030 = target(PlanLevel.PROVINCE, 2030, TargetKind.AT_LEAST, "88", "≥88");

    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
    }

    private static BigDecimal bd(String number) {
        return number == null ? null : new BigDecimal(number);
    }

    private static Target target(PlanLevel level, int year, TargetKind kind, String value, String text) {
        return new Target(level, year, kind, bd(value), text);
    }

    /** Builds definitions; starts as 地表水达到或好于Ⅲ类水体比例, a ratio of sections. */
    private static final class Def {
        String indicatorId = WATER;
        String cityId = CITY_ID;
        String name = "地表水达到或好于Ⅲ类水体比例";
        ValueType valueType = ValueType.PERCENT;
        Direction direction = Direction.HIGHER_IS_BETTER;
        RollupRule rollupRule = RollupRule.RATIO_OF_SUMS;
        List<ComponentSpec> components = List.of(new ComponentSpec("sections_good", "达到或好于Ⅲ类断面数", "个"),
                new ComponentSpec("sections_assessed", "评价断面数", "个"));
        List<Target> targets = List.of(TARGET_2025, TARGET_2030, PROVINCE_2030);
        PeriodType periodType = PeriodType.QUARTERLY;
        List<String> reportingUnitIds = List.of("220221", "220281");
        String measuringUnitId = null;
        BigDecimal share = new BigDecimal("0.2");

        static Def water() {
            return new Def();
        }

        /** 空气质量优良天数比率, measured by the city's monitoring station. */
        static Def air() {
            Def d = new Def();
            d.indicatorId = AIR;
            d.name = "空气质量优良天数比率";
            d.rollupRule = RollupRule.CITY_MEASURED;
            d.components = List.of();
            d.targets = List.of(target(PlanLevel.CITY, 2025, TargetKind.AT_LEAST, "88.5", "≥88.5"));
            d.reportingUnitIds = List.of();
            d.measuringUnitId = "220200-jcz";
            return d;
        }

        Def rollup(RollupRule rule, int componentCount) {
            rollupRule = rule;
            List<ComponentSpec> specs = new ArrayList<>();
            for (int i = 0; i < componentCount; i++) {
                specs.add(new ComponentSpec("c" + i, "分项" + i, "个"));
            }
            components = specs;
            return this;
        }

        IndicatorDefinition build() {
            return new IndicatorDefinition(indicatorId, cityId, 1, "环境质量", name, "%", valueType, direction,
                    rollupRule, components, new Baseline(2024, new BigDecimal("85.7"), "85.7"), targets, "约束性",
                    periodType, reportingUnitIds, measuringUnitId, share);
        }

        DefineIndicator define() {
            return new DefineIndicator(indicatorId, build());
        }
    }

    private static IndicatorDefined waterDefined() {
        return new IndicatorDefined(WATER, Def.water().build());
    }

    private static IndicatorDefined airDefined() {
        return new IndicatorDefined(AIR, Def.air().build());
    }

    private static Map<String, Object> cityUser() {
        return adminOf(CITY_ID);
    }

    private static final String ALICE = "wang-approver";
    private static final String BOB = "li-approver";
    private static final String REASON = "省生态环境厅下达2027年目标";
    private static final String DOC_NUMBER = "吉环发〔2026〕12号";
    private static final String DOC_TITLE = "关于下达“十五五”生态环境目标的通知";

    /** An approver of the city bureau, as the metadata interceptor stamps a command of theirs. */
    private static Map<String, Object> approver(String userId) {
        Map<String, Object> metaData = Callers.person(userId, null, CITY_ID, Role.APPROVER);
        metaData.put(AuditKeys.USER_NAME, userId.equals(ALICE) ? "王审核" : "李审核");
        return metaData;
    }

    /** A past event with the metadata of the approver whose command caused it. */
    private static EventMessage<?> by(String userId, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(approver(userId));
    }

    private static ProposeTargetChange propose(List<Target> targets) {
        return new ProposeTargetChange(WATER, "TP-1", targets, REASON, DOC_NUMBER, DOC_TITLE, null);
    }

    private static TargetChangeProposed planProposed(List<Target> oldTargets, List<Target> newTargets) {
        return new TargetChangeProposed(WATER, "TP-1", Kind.PLAN_TARGETS, null, null, oldTargets, newTargets,
                REASON, DOC_NUMBER, DOC_TITLE);
    }

    /** The proposal to fill in the city's 完成省下达目标 of that year with the value. */
    private static TargetChangeProposed provincialProposed(List<Target> oldTargets, int year, String value) {
        List<Target> newTargets = oldTargets.stream().map(t -> t.level() == PlanLevel.CITY && t.year() == year
                && t.kind() == TargetKind.PROVINCIAL ? new Target(t.level(), year, t.kind(), bd(value), t.text()) : t)
                .toList();
        return new TargetChangeProposed(WATER, "TP-1", Kind.PROVINCIAL_TARGET, year, bd(value), oldTargets,
                newTargets, REASON, DOC_NUMBER, DOC_TITLE);
    }

    @Nested
    class Defining {

        @Test
        void theSystemDefinesAnIndicatorFromThePlan() {
            fixture.givenNoPriorActivity()
                    .when(Def.water().define(), system())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(waterDefined());
        }

        @Test
        void aCityAdministratorMayNotDefineIndicators() {
            fixture.givenNoPriorActivity()
                    .when(Def.water().define(), adminOf(CITY_ID))
                    .expectException(violationOf("SYSTEM_ONLY"))
                    .expectExceptionMessage("指标目录由规划文本导入")
                    .expectNoEvents();
        }

        @Test
        void aCommandWithoutCallerMayNotDefineIndicators() {
            fixture.givenNoPriorActivity()
                    .when(Def.water().define())
                    .expectException(violationOf("SYSTEM_ONLY"))
                    .expectNoEvents();
        }

        @Test
        void theDefinitionMustBeForTheIndicatorNamed() {
            fixture.givenNoPriorActivity()
                    .when(new DefineIndicator(AIR, Def.water().build()), system())
                    .expectException(violationOf("BAD_DEFINITION"))
                    .expectNoEvents();
        }

        @Test
        void aMissingDefinitionIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new DefineIndicator(WATER, null), system())
                    .expectException(violationOf("BAD_DEFINITION"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aNameIsRequired(String blank) {
            Def d = Def.water();
            d.name = blank;
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("指标名称不能为空")
                    .expectNoEvents();
        }

        @Test
        void aNameOf80CharactersIsAccepted() {
            Def d = Def.water();
            d.name = "指".repeat(80);
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectEvents(new IndicatorDefined(WATER, d.build()));
        }

        @Test
        void aNameOfMoreThan80CharactersIsRefused() {
            Def d = Def.water();
            d.name = "指".repeat(81);
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"cityId", "valueType", "direction", "rollupRule", "periodType"})
        void everyPartOfTheDefinitionIsRequired(String missing) {
            Def d = Def.water();
            switch (missing) {
                case "cityId" -> d.cityId = null;
                case "valueType" -> d.valueType = null;
                case "direction" -> d.direction = null;
                case "rollupRule" -> d.rollupRule = null;
                case "periodType" -> d.periodType = null;
                default -> throw new IllegalArgumentException(missing);
            }
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("BAD_DEFINITION"))
                    .expectExceptionMessage("指标定义不完整")
                    .expectNoEvents();
        }

        @Test
        void aCityMeasuredIndicatorHasNoComponents() {
            fixture.givenNoPriorActivity()
                    .when(Def.air().define(), system())
                    .expectEvents(airDefined());
        }

        @Test
        void anAreaWeightedIndicatorHasItsArea() {
            Def d = Def.water().rollup(RollupRule.AREA_WEIGHTED, 1);
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectEvents(new IndicatorDefined(WATER, d.build()));
        }

        @Test
        void aSummedIndicatorWithoutComponentListIsAccepted() {
            Def d = Def.water();
            d.rollupRule = RollupRule.SUM;
            d.valueType = ValueType.NUMBER;
            d.components = null;
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectEvents(new IndicatorDefined(WATER, d.build()));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 3})
        void aRatioNeedsExactlyNumeratorAndDenominator(int count) {
            refusedComponents(Def.water().rollup(RollupRule.RATIO_OF_SUMS, count));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 2})
        void anAreaWeightedRateNeedsExactlyOneArea(int count) {
            refusedComponents(Def.water().rollup(RollupRule.AREA_WEIGHTED, count));
        }

        @ParameterizedTest
        @EnumSource(value = RollupRule.class, names = {"SUM", "ALL_UNITS_MET", "CITY_MEASURED"})
        void otherRulesHaveNoComponents(RollupRule rule) {
            Def d = Def.water().rollup(rule, 1);
            d.valueType = ValueType.YES_NO;
            refusedComponents(d);
        }

        private void refusedComponents(Def d) {
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("BAD_COMPONENTS"))
                    .expectExceptionMessage("指标“" + d.name + "”的分项数量与汇总规则不符")
                    .expectNoEvents();
        }

        @Test
        void allUnitsMetIsForYesOrNoIndicators() {
            Def d = Def.water().rollup(RollupRule.ALL_UNITS_MET, 0);
            d.valueType = ValueType.YES_NO;
            d.direction = Direction.YES_NO;
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectEvents(new IndicatorDefined(WATER, d.build()));
        }

        @ParameterizedTest
        @EnumSource(value = ValueType.class, names = {"PERCENT", "NUMBER"})
        void allUnitsMetIsRefusedForOtherIndicators(ValueType type) {
            Def d = Def.water().rollup(RollupRule.ALL_UNITS_MET, 0);
            d.valueType = type;
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("BAD_DEFINITION"))
                    .expectExceptionMessage("“全部达标”规则只适用于是/否指标")
                    .expectNoEvents();
        }

        @Test
        void missingTargetsAreRefused() {
            Def d = Def.water();
            d.targets = null;
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("目标不能为空")
                    .expectNoEvents();
        }

        @Test
        void anIndicatorWithoutTargetsIsAccepted() {
            Def d = Def.water();
            d.targets = List.of();
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectEvents(new IndicatorDefined(WATER, d.build()));
        }

        @Test
        void targetsAreCheckedOnDefinition() {
            Def d = Def.water();
            d.targets = List.of(target(PlanLevel.CITY, 2023, TargetKind.AT_LEAST, "90", "≥90"));
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("BAD_TARGET"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.0001", "0.2", "1", "10", "10.0000"})
        void aShareAbove0UpTo10IsAccepted(String share) {
            Def d = Def.water();
            d.share = bd(share);
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectEvents(new IndicatorDefined(WATER, d.build()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-0.1", "10.0001", "11"})
        void aShareOutside0To10IsRefused(String share) {
            Def d = Def.water();
            d.share = bd(share);
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectExceptionMessage("变动阈值须大于0且不超过10（即1000%）")
                    .expectNoEvents();
        }

        @Test
        void aMissingShareIsRefused() {
            Def d = Def.water();
            d.share = null;
            fixture.givenNoPriorActivity()
                    .when(d.define(), system())
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectNoEvents();
        }
    }

    /** The targets checked on definition and on every proposed change. */
    @Nested
    class Targets {

        private void refused(Target bad, String message) {
            fixture.given(waterDefined())
                    .when(propose(List.of(TARGET_2025, bad)), approver(ALICE))
                    .expectException(violationOf("BAD_TARGET"))
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }

        private void accepted(Target good) {
            fixture.given(waterDefined())
                    .when(propose(List.of(TARGET_2025, good)), approver(ALICE))
                    .expectEvents(planProposed(Def.water().targets, List.of(TARGET_2025, good)));
        }

        @Test
        void aTargetNeedsALevel() {
            refused(target(null, 2025, TargetKind.AT_LEAST, "90", "≥90"), "目标缺少层级或类型");
        }

        @Test
        void aTargetNeedsAKind() {
            refused(target(PlanLevel.CITY, 2025, null, "90", "≥90"), "目标缺少层级或类型");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 2023, 2051, 2100})
        void theYearLiesBetween2024And2050(int year) {
            refused(target(PlanLevel.CITY, year, TargetKind.AT_LEAST, "90", "≥90"), "目标年份须在2024到2050之间");
        }

        @ParameterizedTest
        @ValueSource(ints = {2024, 2050})
        void theFirstAndLastYearAreAccepted(int year) {
            accepted(target(PlanLevel.CITY, year, TargetKind.AT_LEAST, "90", "≥90"));
        }

        @ParameterizedTest
        @EnumSource(value = TargetKind.class, names = {"AT_LEAST", "AT_MOST", "GOOD_LEVEL"})
        void comparingTargetsNeedAValue(TargetKind kind) {
            refused(target(PlanLevel.CITY, 2027, kind, null, "—"), "2027年目标缺少数值");
        }

        @ParameterizedTest
        @EnumSource(value = TargetKind.class, names = {"PROVINCIAL", "SECURED"})
        void provincialAndSecuredTargetsNeedNoValue(TargetKind kind) {
            accepted(target(PlanLevel.CITY, 2027, kind, null, "完成省下达目标"));
        }

        @Test
        void aMissingTargetInTheListIsRefused() {
            fixture.given(waterDefined())
                    .when(propose(Arrays.asList(TARGET_2025, null)), approver(ALICE))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aMissingListIsRefused() {
            fixture.given(waterDefined())
                    .when(propose(null), approver(ALICE))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }
    }

    /** The system's own path (a re-import of the plan); people propose and confirm. */
    @Nested
    class ChangingTargets {
        private final List<Target> newTargets = List.of(
                target(PlanLevel.CITY, 2025, TargetKind.AT_LEAST, "92", "≥92"), TARGET_2030, PROVINCE_2030);

        @Test
        void changedTargetsAreEmittedWithTheOldOnes() {
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, newTargets, null), system())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets));
        }

        @Test
        void theSecondChangeStartsFromTheFirst() {
            List<Target> third = List.of(TARGET_2025);
            fixture.given(waterDefined(), new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets))
                    .when(new ChangeIndicatorTargets(WATER, third, null), system())
                    .expectEvents(new IndicatorTargetsChanged(WATER, newTargets, third));
        }

        @Test
        void unchangedTargetsAreRefused() {
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, Def.water().targets, null), system())
                    .expectException(violationOf("TARGETS_UNCHANGED"))
                    .expectExceptionMessage("目标没有变化")
                    .expectNoEvents();
        }

        @Test
        void goingBackToTheTargetsBeforeTheLastChangeIsAChange() {
            fixture.given(waterDefined(), new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets))
                    .when(new ChangeIndicatorTargets(WATER, Def.water().targets, null), system())
                    .expectEvents(new IndicatorTargetsChanged(WATER, newTargets, Def.water().targets));
        }

        @Test
        void targetsUnchangedAfterAChangeAreRefused() {
            fixture.given(waterDefined(), new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets))
                    .when(new ChangeIndicatorTargets(WATER, newTargets, null), system())
                    .expectException(violationOf("TARGETS_UNCHANGED"))
                    .expectNoEvents();
        }

        /**
         * A target of 90 sent back as 90.0 (or 90.00) is the same target, but List.equals compares BigDecimal with
         * equals(), which also compares the scale, so the unchanged targets are recorded as a change.
         */
        @Test
        void aTargetWrittenWithAnotherScaleIsUnchanged() {
            List<Target> sameWithScale = List.of(target(PlanLevel.CITY, 2025, TargetKind.AT_LEAST, "90.0", "≥90"),
                    TARGET_2030, PROVINCE_2030);
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, sameWithScale, null), system())
                    .expectException(violationOf("TARGETS_UNCHANGED"))
                    .expectNoEvents();
        }

        @Test
        void aUserOfAnotherCityIsToldTheIndicatorDoesNotExist() {
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, newTargets, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Indicator.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void aUserOfAnotherCityLearnsNothingEvenFromUnchangedTargets() {
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, Def.water().targets, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aPersonMayNotChangeTargetsInOneStep() {
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, newTargets, null), approver(ALICE))
                    .expectException(violationOf("FOUR_EYES"))
                    .expectExceptionMessage("目标调整须由一名审核人提出、另一名审核人确认")
                    .expectNoEvents();
        }

        @Test
        void theSystemMayChangeTargets() {
            fixture.given(waterDefined())
                    .when(new ChangeIndicatorTargets(WATER, newTargets, null), system())
                    .expectEvents(new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets));
        }
    }

    /** 完成省下达目标: the number the province hands down, proposed by one approver. */
    @Nested
    class SettingTheProvincialTarget {

        private ProposeProvincialTarget set(int year, String value) {
            return new ProposeProvincialTarget(WATER, "TP-1", year, bd(value), REASON, DOC_NUMBER, DOC_TITLE, null);
        }

        @Test
        void theCitySetsTheNumberOnceTheProvinceHandsItDown() {
            fixture.given(waterDefined())
                    .when(set(2030, "93.5"), approver(ALICE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(provincialProposed(Def.water().targets, 2030, "93.5"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "100", "100.00"})
        void aPercentageFrom0To100IsAccepted(String value) {
            fixture.given(waterDefined())
                    .when(set(2030, value), approver(ALICE))
                    .expectEvents(provincialProposed(Def.water().targets, 2030, value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"100.01", "101", "1000"})
        void aPercentageAbove100IsRefused(String value) {
            fixture.given(waterDefined())
                    .when(set(2030, value), approver(ALICE))
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectExceptionMessage("百分比目标须在0到100之间")
                    .expectNoEvents();
        }

        @Test
        void aNegativeTargetIsRefused() {
            fixture.given(waterDefined())
                    .when(set(2030, "-1"), approver(ALICE))
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectExceptionMessage("目标值不能为负数")
                    .expectNoEvents();
        }

        @Test
        void aMissingValueIsRefused() {
            fixture.given(waterDefined())
                    .when(set(2030, null), approver(ALICE))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aNumberAbove100IsFineForAnIndicatorThatIsNoPercentage() {
            Def d = Def.water();
            d.valueType = ValueType.NUMBER;
            d.rollupRule = RollupRule.SUM;
            d.components = List.of();
            fixture.given(new IndicatorDefined(WATER, d.build()))
                    .when(set(2030, "2500"), approver(ALICE))
                    .expectEvents(provincialProposed(d.targets, 2030, "2500"));
        }

        @Test
        void aYearWhoseTargetIsANumberIsRefused() {
            fixture.given(waterDefined())
                    .when(set(2025, "92"), approver(ALICE))
                    .expectException(violationOf("NO_PROVINCIAL_TARGET"))
                    .expectExceptionMessage("2025年的目标不是“完成省下达目标”")
                    .expectNoEvents();
        }

        @Test
        void aYearWithoutTargetIsRefused() {
            fixture.given(waterDefined())
                    .when(set(2027, "92"), approver(ALICE))
                    .expectException(violationOf("NO_PROVINCIAL_TARGET"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheCitysOwnTargetCounts() {
            Def d = Def.water();
            d.targets = List.of(TARGET_2025, target(PlanLevel.PROVINCE, 2030, TargetKind.PROVINCIAL, null, "完成国家下达目标"));
            fixture.given(new IndicatorDefined(WATER, d.build()))
                    .when(set(2030, "92"), approver(ALICE))
                    .expectException(violationOf("NO_PROVINCIAL_TARGET"))
                    .expectNoEvents();
        }

        @Test
        void aProvincialTargetAddedByAChangeMayBeSet() {
            List<Target> changed = List.of(TARGET_2025, target(PlanLevel.CITY, 2027, TargetKind.PROVINCIAL, null,
                    "完成省下达目标"));
            fixture.given(waterDefined(), new IndicatorTargetsChanged(WATER, Def.water().targets, changed))
                    .when(set(2027, "91"), approver(ALICE))
                    .expectEvents(provincialProposed(changed, 2027, "91"));
        }

        @Test
        void aProvincialTargetRemovedByAChangeCannotBeSet() {
            fixture.given(waterDefined(), new IndicatorTargetsChanged(WATER, Def.water().targets, List.of(TARGET_2025)))
                    .when(set(2030, "91"), approver(ALICE))
                    .expectException(violationOf("NO_PROVINCIAL_TARGET"))
                    .expectNoEvents();
        }

        @Test
        void theSystemSetsTheNumberInOneStep() {
            fixture.given(waterDefined())
                    .when(new SetProvincialTarget(WATER, 2030, bd("93.5"), null), system())
                    .expectEvents(new ProvincialTargetSet(WATER, 2030, bd("93.5")));
        }

        @Test
        void aPersonMayNotSetItInOneStep() {
            fixture.given(waterDefined())
                    .when(new SetProvincialTarget(WATER, 2030, bd("93.5"), null), approver(ALICE))
                    .expectException(violationOf("FOUR_EYES"))
                    .expectNoEvents();
        }

        @Test
        void aNumberAlreadySetIsUnchanged() {
            fixture.given(waterDefined(), new ProvincialTargetSet(WATER, 2030, bd("93.5")))
                    .when(set(2030, "93.50"), approver(ALICE))
                    .expectException(violationOf("TARGETS_UNCHANGED"))
                    .expectNoEvents();
        }

        @Test
        void aUserOfAnotherCityIsToldTheIndicatorDoesNotExist() {
            fixture.given(waterDefined())
                    .when(set(2030, "93.5"), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Indicator.NOT_FOUND)
                    .expectNoEvents();
        }
    }

    /** Four eyes: one approver proposes a target change with its source, a second one confirms it. */
    @Nested
    class FourEyes {
        private final List<Target> newTargets = List.of(
                target(PlanLevel.CITY, 2025, TargetKind.AT_LEAST, "92", "≥92"), TARGET_2030, PROVINCE_2030);
        private final TargetChangeProposed proposed = planProposed(Def.water().targets, newTargets);

        @Test
        void aProposalChangesNoTargetYet() {
            fixture.given(waterDefined())
                    .when(propose(newTargets), approver(ALICE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed);
        }

        @Test
        void theProposerCannotConfirmTheirOwnProposal() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), approver(ALICE))
                    .expectException(violationOf("SAME_APPROVER"))
                    .expectExceptionMessage("目标调整须由另一名审核人确认，提出人不能确认自己的提议")
                    .expectNoEvents();
        }

        @Test
        void aSecondApproverConfirmsAndTheTargetsChange() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), approver(BOB))
                    .expectEvents(new TargetChangeConfirmed(WATER, "TP-1", Kind.PLAN_TARGETS, Def.water().targets,
                                    newTargets, REASON, DOC_NUMBER, DOC_TITLE),
                            new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets));
        }

        @Test
        void aConfirmedProvincialTargetIsSetAsBefore() {
            fixture.given(waterDefined(), by(ALICE, provincialProposed(Def.water().targets, 2030, "93.5")))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), approver(BOB))
                    .expectEvents(new TargetChangeConfirmed(WATER, "TP-1", Kind.PROVINCIAL_TARGET,
                                    Def.water().targets, provincialProposed(Def.water().targets, 2030, "93.5")
                                    .newTargets(), REASON, DOC_NUMBER, DOC_TITLE),
                            new ProvincialTargetSet(WATER, 2030, bd("93.5")));
        }

        @Test
        void theNextChangeStartsFromTheConfirmedTargets() {
            List<Target> third = List.of(TARGET_2025);
            fixture.given(waterDefined(), by(ALICE, proposed), by(BOB, new TargetChangeConfirmed(WATER, "TP-1",
                            Kind.PLAN_TARGETS, Def.water().targets, newTargets, REASON, DOC_NUMBER, DOC_TITLE)),
                            by(BOB, new IndicatorTargetsChanged(WATER, Def.water().targets, newTargets)))
                    .when(new ProposeTargetChange(WATER, "TP-2", third, REASON, DOC_NUMBER, DOC_TITLE, null),
                            approver(BOB))
                    .expectEvents(new TargetChangeProposed(WATER, "TP-2", Kind.PLAN_TARGETS, null, null, newTargets,
                            third, REASON, DOC_NUMBER, DOC_TITLE));
        }

        @Test
        void anotherApproverRejectsWithAReason() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new RejectTargetChange(WATER, "TP-1", "文号与文件不符", null), approver(BOB))
                    .expectEvents(new TargetChangeRejected(WATER, "TP-1", "文号与文件不符"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aRejectionNeedsAReason(String reason) {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new RejectTargetChange(WATER, "TP-1", reason, null), approver(BOB))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("驳回理由不能为空")
                    .expectNoEvents();
        }

        @Test
        void theProposerWithdrawsRatherThanRejects() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new RejectTargetChange(WATER, "TP-1", "不要了", null), approver(ALICE))
                    .expectException(violationOf("SAME_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void theProposerWithdraws() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new WithdrawTargetChange(WATER, "TP-1", null), approver(ALICE))
                    .expectEvents(new TargetChangeWithdrawn(WATER, "TP-1"));
        }

        @Test
        void onlyTheProposerWithdraws() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new WithdrawTargetChange(WATER, "TP-1", null), approver(BOB))
                    .expectException(violationOf("NOT_PROPOSER"))
                    .expectExceptionMessage("只有提出人可以撤回该提议")
                    .expectNoEvents();
        }

        @Test
        void aSecondOpenProposalIsRefusedNamingTheOpenOne() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ProposeTargetChange(WATER, "TP-2", List.of(TARGET_2025), REASON, DOC_NUMBER, DOC_TITLE,
                            null), approver(BOB))
                    .expectException(violationOf("PROPOSAL_OPEN"))
                    .expectExceptionMessage("该指标已有待确认的目标调整（TP-1，王审核提出），请先确认、驳回或撤回")
                    .expectNoEvents();
        }

        @Test
        void aProvincialTargetWaitsForTheOpenProposalToo() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ProposeProvincialTarget(WATER, "TP-2", 2030, bd("93"), REASON, DOC_NUMBER, DOC_TITLE,
                            null), approver(BOB))
                    .expectException(violationOf("PROPOSAL_OPEN"))
                    .expectNoEvents();
        }

        @Test
        void afterAWithdrawalANewProposalMayBeMade() {
            fixture.given(waterDefined(), by(ALICE, proposed), by(ALICE, new TargetChangeWithdrawn(WATER, "TP-1")))
                    .when(new ProposeTargetChange(WATER, "TP-2", newTargets, REASON, DOC_NUMBER, DOC_TITLE, null),
                            approver(BOB))
                    .expectEvents(new TargetChangeProposed(WATER, "TP-2", Kind.PLAN_TARGETS, null, null,
                            Def.water().targets, newTargets, REASON, DOC_NUMBER, DOC_TITLE));
        }

        @Test
        void aTargetThatBecomesCumulativeIsAChange() {
            Target cumulative = new Target(PlanLevel.CITY, 2025, TargetKind.AT_LEAST, bd("90"), "≥90", 2024);
            List<Target> changed = List.of(cumulative, TARGET_2030, PROVINCE_2030);
            fixture.given(waterDefined())
                    .when(propose(changed), approver(ALICE))
                    .expectEvents(planProposed(Def.water().targets, changed));
        }

        @Test
        void aRateGetsTheProvincesTargetOfAnyYear() {
            // 单位GDP能耗降低率: the province hands down 2025's yearly rate, a year that is no milestone
            Target cumulative = new Target(PlanLevel.CITY, 2030, TargetKind.PROVINCIAL, null, "完成省下达目标", 2026);
            Def d = Def.air();
            d.valueType = ValueType.RATE;
            d.targets = List.of(cumulative);
            Target yearly = new Target(PlanLevel.CITY, 2025, TargetKind.PROVINCIAL, bd("3"),
                    ProvincialTargets.YEARLY_RATE_TEXT, null);
            fixture.given(new IndicatorDefined(AIR, d.build()))
                    .when(new ProposeProvincialTarget(AIR, "TP-1", 2025, bd("3"), REASON, DOC_NUMBER, DOC_TITLE,
                            null), approver(ALICE))
                    .expectEvents(new TargetChangeProposed(AIR, "TP-1", Kind.PROVINCIAL_TARGET, 2025, bd("3"),
                            d.targets, List.of(yearly, cumulative), REASON, DOC_NUMBER, DOC_TITLE));
        }

        @Test
        void aLevelGetsNoTargetForAYearThePlanDoesNotName() {
            fixture.given(waterDefined())
                    .when(new ProposeProvincialTarget(WATER, "TP-1", 2026, bd("93"), REASON, DOC_NUMBER, DOC_TITLE,
                            null), approver(ALICE))
                    .expectException(violationOf("NO_PROVINCIAL_TARGET"));
        }

        @Test
        void aProvincialNumberKeepsTheTargetCumulative() {
            Target cumulative = new Target(PlanLevel.CITY, 2030, TargetKind.PROVINCIAL, null, "完成省下达目标", 2026);
            Def d = Def.water();
            d.targets = List.of(TARGET_2025, cumulative);
            fixture.given(new IndicatorDefined(WATER, d.build()))
                    .when(new ProposeProvincialTarget(WATER, "TP-1", 2030, bd("13.5"), REASON, DOC_NUMBER, DOC_TITLE,
                            null), approver(ALICE))
                    .expectEvents(new TargetChangeProposed(WATER, "TP-1", Kind.PROVINCIAL_TARGET, 2030, bd("13.5"),
                            d.targets, List.of(TARGET_2025, new Target(PlanLevel.CITY, 2030, TargetKind.PROVINCIAL,
                            bd("13.5"), "完成省下达目标", 2026)), REASON, DOC_NUMBER, DOC_TITLE));
        }

        @Test
        void aProposalIdIsUsedOnce() {
            fixture.given(waterDefined(), by(ALICE, proposed), by(ALICE, new TargetChangeWithdrawn(WATER, "TP-1")))
                    .when(propose(newTargets), approver(BOB))
                    .expectException(violationOf("BAD_PROPOSAL_ID"))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnProposalCannotBeConfirmed() {
            fixture.given(waterDefined(), by(ALICE, proposed), by(ALICE, new TargetChangeWithdrawn(WATER, "TP-1")))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), approver(BOB))
                    .expectException(violationOf("PROPOSAL_CLOSED"))
                    .expectExceptionMessage("该目标调整已确认、驳回或撤回")
                    .expectNoEvents();
        }

        @Test
        void anUnknownProposalIsNotFound() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ConfirmTargetChange(WATER, "TP-9", null), approver(BOB))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void targetsChangedByTheSystemSinceTheProposalStopTheConfirmation() {
            fixture.given(waterDefined(), by(ALICE, proposed),
                            new IndicatorTargetsChanged(WATER, Def.water().targets, List.of(TARGET_2025)))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), approver(BOB))
                    .expectException(violationOf("TARGETS_CHANGED_SINCE"))
                    .expectNoEvents();
        }

        @Test
        void theReasonIsRequired() {
            fixture.given(waterDefined())
                    .when(new ProposeTargetChange(WATER, "TP-1", newTargets, " ", DOC_NUMBER, DOC_TITLE, null),
                            approver(ALICE))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("调整理由不能为空")
                    .expectNoEvents();
        }

        @Test
        void theDocumentNumberIsRequired() {
            fixture.given(waterDefined())
                    .when(new ProposeTargetChange(WATER, "TP-1", newTargets, REASON, null, DOC_TITLE, null),
                            approver(ALICE))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("文号不能为空")
                    .expectNoEvents();
        }

        @Test
        void theDocumentTitleIsRequiredForAProvincialTargetToo() {
            fixture.given(waterDefined())
                    .when(new ProposeProvincialTarget(WATER, "TP-1", 2030, bd("93"), REASON, DOC_NUMBER, "", null),
                            approver(ALICE))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("文件标题不能为空")
                    .expectNoEvents();
        }

        @Test
        void onlyApproversPropose() {
            fixture.given(waterDefined())
                    .when(propose(newTargets), cityUser())
                    .expectException(violationOf("NOT_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void onlyApproversConfirm() {
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), cityUser())
                    .expectException(violationOf("NOT_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void anApproverOfAnotherCityIsToldTheIndicatorDoesNotExist() {
            Map<String, Object> other = Callers.person(BOB, null, OTHER_CITY_ID, Role.APPROVER);
            fixture.given(waterDefined(), by(ALICE, proposed))
                    .when(new ConfirmTargetChange(WATER, "TP-1", null), other)
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aProposalBasedOnAStaleVersionIsRefused() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new ProposeTargetChange(WATER, "TP-1", newTargets, REASON, DOC_NUMBER, DOC_TITLE, 0L),
                            approver(ALICE))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    /** 重点建设用地安全利用: the province hands down 有效保障, not a number. */
    @Nested
    class YesNoTargets {
        private static final String LAND = "220200-I07";
        private final Target provincial2027 = target(PlanLevel.CITY, 2027, TargetKind.PROVINCIAL, null, "完成省下达目标");
        private final Target provincial2030 = target(PlanLevel.CITY, 2030, TargetKind.PROVINCIAL, null, "完成省下达目标");
        private final Target secured2027 = target(PlanLevel.CITY, 2027, TargetKind.SECURED, null, "有效保障");

        private IndicatorDefined landDefined() {
            Def d = Def.water();
            d.indicatorId = LAND;
            d.name = "重点建设用地安全利用";
            d.valueType = ValueType.YES_NO;
            d.direction = Direction.YES_NO;
            d.rollupRule = RollupRule.ALL_UNITS_MET;
            d.components = List.of();
            d.targets = List.of(provincial2027, provincial2030);
            return new IndicatorDefined(LAND, d.build());
        }

        private ProposeProvincialTarget secure(int year, String value) {
            return new ProposeProvincialTarget(LAND, "TP-1", year, bd(value), REASON, DOC_NUMBER, DOC_TITLE, null);
        }

        private TargetChangeProposed securedProposed() {
            return new TargetChangeProposed(LAND, "TP-1", Kind.PROVINCIAL_TARGET, 2027, null,
                    List.of(provincial2027, provincial2030), List.of(secured2027, provincial2030), REASON,
                    DOC_NUMBER, DOC_TITLE);
        }

        @Test
        void noNumberIsTypedTheTargetBecomes有效保障() {
            fixture.given(landDefined())
                    .when(secure(2027, null), approver(ALICE))
                    .expectEvents(securedProposed());
        }

        @Test
        void aYesWrittenAs1IsAccepted() {
            fixture.given(landDefined())
                    .when(secure(2027, "1"), approver(ALICE))
                    .expectEvents(securedProposed());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "35", "100"})
        void anyOtherNumberIsRefused(String value) {
            fixture.given(landDefined())
                    .when(secure(2027, value), approver(ALICE))
                    .expectException(violationOf("YES_NO_TARGET"))
                    .expectExceptionMessage("是/否指标的省下达目标为“有效保障”，无需填写数值")
                    .expectNoEvents();
        }

        @Test
        void onConfirmationTheTargetListChangesSoTheRollupCanJudgeIt() {
            fixture.given(landDefined(), by(ALICE, securedProposed()))
                    .when(new ConfirmTargetChange(LAND, "TP-1", null), approver(BOB))
                    .expectEvents(new TargetChangeConfirmed(LAND, "TP-1", Kind.PROVINCIAL_TARGET,
                                    List.of(provincial2027, provincial2030), List.of(secured2027, provincial2030),
                                    REASON, DOC_NUMBER, DOC_TITLE),
                            new IndicatorTargetsChanged(LAND, List.of(provincial2027, provincial2030),
                                    List.of(secured2027, provincial2030)));
        }

        @Test
        void aSecuredYearIsNoLongerOpenToTheProvince() {
            fixture.given(landDefined(), new IndicatorTargetsChanged(LAND, List.of(provincial2027, provincial2030),
                            List.of(secured2027, provincial2030)))
                    .when(secure(2027, null), approver(ALICE))
                    .expectException(violationOf("NO_PROVINCIAL_TARGET"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Assigning {

        @Test
        void unitsAreAssignedToReportTheIndicator() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, List.of("220221", "220281", "220282"), null,
                            null), cityUser())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new IndicatorAssigned(WATER, PeriodType.QUARTERLY,
                            List.of("220221", "220281", "220282"), null));
        }

        @Test
        void theReportingPeriodMayChange() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.MONTHLY, List.of("220221"), null, null), cityUser())
                    .expectEvents(new IndicatorAssigned(WATER, PeriodType.MONTHLY, List.of("220221"), null));
        }

        @Test
        void aPeriodIsRequired() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, null, List.of("220221"), null, null), cityUser())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("填报周期不能为空")
                    .expectNoEvents();
        }

        @Test
        void aReportedIndicatorNeedsAtLeastOneUnit() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, List.of(), null, null), cityUser())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("至少指定一个填报单位")
                    .expectNoEvents();
        }

        @Test
        void aMissingUnitListCountsAsEmpty() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, null, "220200-jcz", null), cityUser())
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aUnitListedTwiceIsRefused() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, List.of("220221", "220281", "220221"), null,
                            null), cityUser())
                    .expectException(violationOf("DUPLICATE_UNIT"))
                    .expectExceptionMessage("填报单位重复")
                    .expectNoEvents();
        }

        @Test
        void aCityMeasuredIndicatorNeedsOnlyItsMeasuringUnit() {
            fixture.given(airDefined())
                    .when(new AssignIndicator(AIR, PeriodType.MONTHLY, null, "220200-jcz", null), cityUser())
                    .expectEvents(new IndicatorAssigned(AIR, PeriodType.MONTHLY, List.of(), "220200-jcz"));
        }

        @Test
        void aCityMeasuredIndicatorWithoutMeasuringUnitIsRefused() {
            fixture.given(airDefined())
                    .when(new AssignIndicator(AIR, PeriodType.MONTHLY, List.of("220221"), null, null), cityUser())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("市级监测指标须指定监测单位")
                    .expectNoEvents();
        }

        @Test
        void duplicatesAreRefusedForCityMeasuredIndicatorsToo() {
            fixture.given(airDefined())
                    .when(new AssignIndicator(AIR, PeriodType.MONTHLY, List.of("220221", "220221"), "220200-jcz",
                            null), cityUser())
                    .expectException(violationOf("DUPLICATE_UNIT"))
                    .expectNoEvents();
        }

        /** A list such as ["220221", null] from a request body ends in a NullPointerException (List.copyOf). */
        @Test
        void aMissingUnitIdInTheListIsARuleViolation() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, Arrays.asList("220221", null), null,
                            null), cityUser())
                    .expectException(BusinessRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aUserOfAnotherCityIsToldTheIndicatorDoesNotExist() {
            fixture.given(waterDefined())
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, List.of("220221"), null, null),
                            adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Indicator.NOT_FOUND)
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingThePlausibilityShare {

        private ChangePlausibilityShare change(String share) {
            return new ChangePlausibilityShare(WATER, bd(share), null);
        }

        @Test
        void aNewShareIsEmittedWithTheOldOne() {
            fixture.given(waterDefined())
                    .when(change("0.3"), cityUser())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")));
        }

        @Test
        void theSecondChangeStartsFromTheFirst() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(change("0.5"), cityUser())
                    .expectEvents(new PlausibilityShareChanged(WATER, bd("0.3"), bd("0.5")));
        }

        @Test
        void goingBackToTheShareBeforeTheLastChangeIsAChange() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(change("0.2"), cityUser())
                    .expectEvents(new PlausibilityShareChanged(WATER, bd("0.3"), bd("0.2")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.2", "0.20", "0.2000"})
        void anUnchangedShareIsRefusedWhateverItsScale(String share) {
            fixture.given(waterDefined())
                    .when(change(share), cityUser())
                    .expectException(violationOf("UNCHANGED"))
                    .expectExceptionMessage("阈值没有变化")
                    .expectNoEvents();
        }

        @Test
        void theShareMayBeRaisedTo10() {
            fixture.given(waterDefined())
                    .when(change("10"), cityUser())
                    .expectEvents(new PlausibilityShareChanged(WATER, bd("0.2"), bd("10")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-0.2", "10.01", "100"})
        void aShareOutside0To10IsRefused(String share) {
            fixture.given(waterDefined())
                    .when(change(share), cityUser())
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectNoEvents();
        }

        @Test
        void aMissingShareIsRefused() {
            fixture.given(waterDefined())
                    .when(change(null), cityUser())
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectNoEvents();
        }

        @Test
        void aUserOfAnotherCityIsToldTheIndicatorDoesNotExist() {
            fixture.given(waterDefined())
                    .when(change("0.3"), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Indicator.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void aCallerWithoutCityIsToldTheIndicatorDoesNotExist() {
            fixture.given(waterDefined())
                    .when(change("0.3"), Map.of(AuditKeys.USER_ID, "someone"))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void theSystemMayChangeTheShare() {
            fixture.given(waterDefined())
                    .when(change("0.3"), system())
                    .expectEvents(new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")));
        }
    }

    /** 地表水 is quarterly: by default a quarter is due on the 15th of the month after. */
    @Nested
    class ChangingTheReportingCalendar {
        private static final ReportingCalendar END_OF_NEXT_MONTH = new ReportingCalendar(0, 2, 31);

        private ChangeReportingCalendar change(ReportingCalendar calendar, Long version) {
            return new ChangeReportingCalendar(WATER, calendar, version);
        }

        @Test
        void aCalendarOfItsOwnIsEmittedWithTheDefaultItReplaces() {
            fixture.given(waterDefined())
                    .when(change(END_OF_NEXT_MONTH, null), cityUser())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ReportingCalendarChanged(WATER, null, END_OF_NEXT_MONTH));
        }

        @Test
        void noCalendarGoesBackToTheDefault() {
            fixture.given(waterDefined(), new ReportingCalendarChanged(WATER, null, END_OF_NEXT_MONTH))
                    .when(change(null, null), cityUser())
                    .expectEvents(new ReportingCalendarChanged(WATER, END_OF_NEXT_MONTH, null));
        }

        @Test
        void theDefaultSpelledOutIsStoredAsTheDefault() {
            fixture.given(waterDefined(), new ReportingCalendarChanged(WATER, null, END_OF_NEXT_MONTH))
                    .when(change(new ReportingCalendar(0, 1, 15), null), cityUser())
                    .expectEvents(new ReportingCalendarChanged(WATER, END_OF_NEXT_MONTH, null));
        }

        @Test
        void anUnchangedCalendarIsRefused() {
            fixture.given(waterDefined())
                    .when(change(new ReportingCalendar(0, 1, 15), null), cityUser())
                    .expectException(violationOf("UNCHANGED"))
                    .expectExceptionMessage("填报日历没有变化")
                    .expectNoEvents();
        }

        @Test
        void theDefaultIsThatOfThePeriodTypeAfterReassignment() {
            fixture.given(waterDefined(), new IndicatorAssigned(WATER, PeriodType.MONTHLY, List.of("220221"), null))
                    .when(change(new ReportingCalendar(0, 1, 10), null), cityUser())
                    .expectException(violationOf("UNCHANGED"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({
                "-1, 1, 15, 提前开放天数须在0到31之间",
                "32, 1, 15, 提前开放天数须在0到31之间",
                "0, -1, 15, 截止月份须为期末后0到12个月",
                "0, 13, 15, 截止月份须为期末后0到12个月",
                "0, 1, 0, 截止日须在1到31之间",
                "0, 1, 32, 截止日须在1到31之间"
        })
        void valuesOutOfRangeAreRefused(int openDaysEarly, int dueMonthsAfterEnd, int dueDay, String message) {
            fixture.given(waterDefined())
                    .when(change(new ReportingCalendar(openDaysEarly, dueMonthsAfterEnd, dueDay), null), cityUser())
                    .expectException(violationOf("BAD_CALENDAR"))
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }

        /** Due on the last day of the quarter but open only the day after: no day to report on. */
        @Test
        void aCalendarDueBeforeItOpensIsRefused() {
            fixture.given(waterDefined())
                    .when(change(new ReportingCalendar(0, 0, 31), null), cityUser())
                    .expectException(violationOf("BAD_CALENDAR"))
                    .expectNoEvents();
        }

        @Test
        void dueInTheLastMonthIsFineWhenItOpensEarlyEnough() {
            ReportingCalendar lastDays = new ReportingCalendar(5, 0, 31);
            fixture.given(waterDefined())
                    .when(change(lastDays, null), cityUser())
                    .expectEvents(new ReportingCalendarChanged(WATER, null, lastDays));
        }

        @Test
        void aUserOfAnotherCityIsToldTheIndicatorDoesNotExist() {
            fixture.given(waterDefined())
                    .when(change(END_OF_NEXT_MONTH, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Indicator.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void aChangeBasedOnAStaleVersionIsRefused() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(change(END_OF_NEXT_MONTH, 0L), cityUser())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ExpectedVersions {

        @Test
        void aChangeBasedOnTheCurrentVersionSucceeds() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new ChangePlausibilityShare(WATER, bd("0.5"), 1L), cityUser())
                    .expectEvents(new PlausibilityShareChanged(WATER, bd("0.3"), bd("0.5")));
        }

        @Test
        void targetsBasedOnAStaleVersionAreRefused() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new ChangeIndicatorTargets(WATER, List.of(TARGET_2025), 0L), system())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aProvincialTargetBasedOnAStaleVersionIsRefused() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new SetProvincialTarget(WATER, 2030, bd("93"), 0L), system())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void anAssignmentBasedOnAStaleVersionIsRefused() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new AssignIndicator(WATER, PeriodType.QUARTERLY, List.of("220221"), null, 0L), cityUser())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aShareBasedOnAStaleVersionIsRefused() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new ChangePlausibilityShare(WATER, bd("0.5"), 0L), cityUser())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        /** Indicator checks the version when the unit of work commits, unlike Submission, which checks it first. */
        @Test
        void aRuleViolationWinsOverAStaleVersion() {
            fixture.given(waterDefined(), new PlausibilityShareChanged(WATER, bd("0.2"), bd("0.3")))
                    .when(new ChangePlausibilityShare(WATER, bd("0.3"), 0L), cityUser())
                    .expectException(BusinessRuleViolation.class)
                    .expectNoEvents();
        }
    }
}
