package cn.jiangcheng.tracker.command.org;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateRootOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.DeactivateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.RenameOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitDeactivated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitMoved;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static cn.jiangcheng.tracker.command.Callers.adminOf;
import static cn.jiangcheng.tracker.command.Callers.system;
import static cn.jiangcheng.tracker.command.Callers.userOf;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

/**
 * The rules the org unit enforces on its own. Creating below a parent and moving are handled by
 * {@link OrgUnitCommandHandler}, which needs other units, and are tested in {@link OrgUnitCommandHandlerTest}.
 */
class OrgUnitTest {
    private static final String PROVINCE_ID = "22";
    private static final String CITY_ID = "220200";
    private static final String OTHER_CITY_ID = "220100";
    private static final String COUNTY_ID = "220221";
    private static final String DEPARTMENT_ID = "220200-sthj";

    private static final OrgUnitCreated PROVINCE_CREATED =
            new OrgUnitCreated(PROVINCE_ID, "吉林省", OrgUnitType.PROVINCE, null, null);
    private static final OrgUnitCreated CITY_CREATED =
            new OrgUnitCreated(CITY_ID, "吉林市", OrgUnitType.CITY, PROVINCE_ID, CITY_ID);
    private static final OrgUnitCreated COUNTY_CREATED =
            new OrgUnitCreated(COUNTY_ID, "永吉县", OrgUnitType.COUNTY, CITY_ID, CITY_ID);
    private static final OrgUnitCreated DEPARTMENT_CREATED =
            new OrgUnitCreated(DEPARTMENT_ID, "吉林市生态环境局", OrgUnitType.DEPARTMENT, CITY_ID, CITY_ID);

    private FixtureConfiguration<OrgUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrgUnit.class);
    }

    private static String repeat(int length) {
        return "江".repeat(length);
    }

    @Nested
    class CreatingTheRootUnit {

        @Test
        void theSystemCreatesAProvinceAtTheTopOfTheTree() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, "吉林省", OrgUnitType.PROVINCE), system())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(PROVINCE_CREATED);
        }

        @Test
        void theNameIsStoredWithoutSurroundingBlanks() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, "  吉林省 ", OrgUnitType.PROVINCE), system())
                    .expectEvents(PROVINCE_CREATED);
        }

        @Test
        void aCityAdministratorMayNotCreateARootUnit() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, "吉林省", OrgUnitType.PROVINCE), adminOf(CITY_ID))
                    .expectException(violationOf("ROOT_UNIT_SYSTEM_ONLY"))
                    .expectExceptionMessage("只有系统可以创建顶级单位")
                    .expectNoEvents();
        }

        @Test
        void aCommandWithoutAnyCallerMayNotCreateARootUnit() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, "吉林省", OrgUnitType.PROVINCE))
                    .expectException(violationOf("ROOT_UNIT_SYSTEM_ONLY"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = OrgUnitType.class, names = "PROVINCE", mode = EnumSource.Mode.EXCLUDE)
        void onlyAProvinceMayBeARootUnit(OrgUnitType type) {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit("220200", "吉林市", type), system())
                    .expectException(violationOf("ROOT_MUST_BE_PROVINCE"))
                    .expectExceptionMessage("顶级单位必须是省")
                    .expectNoEvents();
        }

        @Test
        void aRootUnitWithoutATypeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, "吉林省", null), system())
                    .expectException(violationOf("ROOT_MUST_BE_PROVINCE"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2", "-22", "_22", "22 00", "吉林", "22/00", "a123456789012345678901234567890123456789x"})
        void malformedUnitIdsAreRefused(String badId) {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(badId, "吉林省", OrgUnitType.PROVINCE), system())
                    .expectException(violationOf("BAD_UNIT_ID"))
                    .expectNoEvents();
        }

        @Test
        void aMissingUnitIdIsRefusedAsMalformed() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(null, "吉林省", OrgUnitType.PROVINCE), system())
                    .expectException(violationOf("BAD_UNIT_ID"))
                    .expectNoEvents();
        }

        @Test
        void aFortyCharacterIdWithHyphensAndUnderscoresIsAccepted() {
            String id = "A1234567890123456789012345678901234-_xyz";
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(id, "吉林省", OrgUnitType.PROVINCE), system())
                    .expectEvents(new OrgUnitCreated(id, "吉林省", OrgUnitType.PROVINCE, null, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aBlankNameIsRefused(String blank) {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, blank, OrgUnitType.PROVINCE), system())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("单位名称不能为空")
                    .expectNoEvents();
        }

        @Test
        void aNameLongerThanSixtyCharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, repeat(61), OrgUnitType.PROVINCE), system())
                    .expectException(violationOf("TOO_LONG"))
                    .expectExceptionMessage("单位名称不能超过60个字符")
                    .expectNoEvents();
        }

        @Test
        void aNameOfExactlySixtyCharactersIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRootOrgUnit(PROVINCE_ID, repeat(60), OrgUnitType.PROVINCE), system())
                    .expectEvents(new OrgUnitCreated(PROVINCE_ID, repeat(60), OrgUnitType.PROVINCE, null, null));
        }
    }

    @Nested
    class Renaming {

        @Test
        void renamingEmitsTheOldAndTheNewName() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", null), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县人民政府"));
        }

        @Test
        void theNewNameIsStoredWithoutSurroundingBlanks() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, " 永吉县政府  ", null), adminOf(CITY_ID))
                    .expectEvents(new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县政府"));
        }

        @Test
        void aSecondRenameReportsTheNameGivenByTheFirst() {
            fixture.given(COUNTY_CREATED, new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县政府"))
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", null), adminOf(CITY_ID))
                    .expectEvents(new OrgUnitRenamed(COUNTY_ID, "永吉县政府", "永吉县人民政府"));
        }

        @Test
        void renamingToTheSameNameIsRefused() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县", null), adminOf(CITY_ID))
                    .expectException(violationOf("NAME_UNCHANGED"))
                    .expectExceptionMessage("新名称与原名称相同")
                    .expectNoEvents();
        }

        @Test
        void renamingToTheSameNameWithExtraBlanksIsRefused() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, " 永吉县 ", null), adminOf(CITY_ID))
                    .expectException(violationOf("NAME_UNCHANGED"))
                    .expectNoEvents();
        }

        @Test
        void renamingBackToTheNameBeforeTheLastRenameIsAllowed() {
            fixture.given(COUNTY_CREATED, new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县政府"))
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县", null), adminOf(CITY_ID))
                    .expectEvents(new OrgUnitRenamed(COUNTY_ID, "永吉县政府", "永吉县"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\u3000"})
        void renamingToABlankNameIsRefused(String blank) {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, blank, null), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("单位名称不能为空")
                    .expectNoEvents();
        }

        @Test
        void renamingToANameLongerThanSixtyCharactersIsRefused() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, repeat(61), null), adminOf(CITY_ID))
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void renamingAnInactiveUnitIsRefused() {
            fixture.given(COUNTY_CREATED, new OrgUnitDeactivated(COUNTY_ID))
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", null), adminOf(CITY_ID))
                    .expectException(violationOf("UNIT_INACTIVE"))
                    .expectExceptionMessage("该单位已停用，不能修改")
                    .expectNoEvents();
        }

        @Test
        void aCallerFromAnotherCityIsToldTheUnitDoesNotExist() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(OrgUnit.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void aCallerFromAnotherCityLearnsNothingEvenAboutAnInactiveUnit() {
            fixture.given(COUNTY_CREATED, new OrgUnitDeactivated(COUNTY_ID))
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县", null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aCallerWithoutACityIsToldTheUnitDoesNotExist() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", null),
                            Map.of(AuditKeys.USER_ID, "someone"))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void theSystemMayRenameAUnitOfAnyCity() {
            fixture.given(COUNTY_CREATED)
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", null), system())
                    .expectEvents(new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县人民政府"));
        }

        @Test
        void theSystemMayRenameTheProvince() {
            fixture.given(PROVINCE_CREATED)
                    .when(new RenameOrgUnit(PROVINCE_ID, "吉林省人民政府", null), system())
                    .expectEvents(new OrgUnitRenamed(PROVINCE_ID, "吉林省", "吉林省人民政府"));
        }

        @Test
        void aCityAdministratorCannotSeeTheProvince() {
            fixture.given(PROVINCE_CREATED)
                    .when(new RenameOrgUnit(PROVINCE_ID, "吉林省人民政府", null), adminOf(CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aCityAdministratorMayRenameTheirOwnCity() {
            fixture.given(CITY_CREATED)
                    .when(new RenameOrgUnit(CITY_ID, "吉林市人民政府", null), userOf(CITY_ID, "zhang.san"))
                    .expectEvents(new OrgUnitRenamed(CITY_ID, "吉林市", "吉林市人民政府"));
        }

        @Test
        void aRenameAfterAMoveStillKnowsTheCity() {
            fixture.given(DEPARTMENT_CREATED, new OrgUnitMoved(DEPARTMENT_ID, CITY_ID, COUNTY_ID))
                    .when(new RenameOrgUnit(DEPARTMENT_ID, "永吉县生态环境分局", null), adminOf(CITY_ID))
                    .expectEvents(new OrgUnitRenamed(DEPARTMENT_ID, "吉林市生态环境局", "永吉县生态环境分局"));
        }
    }

    @Nested
    class Deactivating {

        @Test
        void deactivatingAnActiveCountyEmitsOrgUnitDeactivated() {
            fixture.given(COUNTY_CREATED)
                    .when(new DeactivateOrgUnit(COUNTY_ID, null), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrgUnitDeactivated(COUNTY_ID));
        }

        @Test
        void aDepartmentMayBeDeactivated() {
            fixture.given(DEPARTMENT_CREATED)
                    .when(new DeactivateOrgUnit(DEPARTMENT_ID, null), adminOf(CITY_ID))
                    .expectEvents(new OrgUnitDeactivated(DEPARTMENT_ID));
        }

        @Test
        void deactivatingTwiceIsRefused() {
            fixture.given(COUNTY_CREATED, new OrgUnitDeactivated(COUNTY_ID))
                    .when(new DeactivateOrgUnit(COUNTY_ID, null), adminOf(CITY_ID))
                    .expectException(violationOf("ALREADY_INACTIVE"))
                    .expectExceptionMessage("该单位已经停用")
                    .expectNoEvents();
        }

        @Test
        void aCityCannotBeDeactivatedEvenByTheSystem() {
            fixture.given(CITY_CREATED)
                    .when(new DeactivateOrgUnit(CITY_ID, null), system())
                    .expectException(violationOf("CANNOT_DEACTIVATE_CITY"))
                    .expectExceptionMessage("省、市级单位不能停用")
                    .expectNoEvents();
        }

        @Test
        void aCityAdministratorCannotDeactivateTheirCity() {
            fixture.given(CITY_CREATED)
                    .when(new DeactivateOrgUnit(CITY_ID, null), adminOf(CITY_ID))
                    .expectException(violationOf("CANNOT_DEACTIVATE_CITY"))
                    .expectNoEvents();
        }

        @Test
        void aProvinceCannotBeDeactivated() {
            fixture.given(PROVINCE_CREATED)
                    .when(new DeactivateOrgUnit(PROVINCE_ID, null), system())
                    .expectException(violationOf("CANNOT_DEACTIVATE_CITY"))
                    .expectNoEvents();
        }

        @Test
        void aCallerFromAnotherCityIsToldTheUnitDoesNotExist() {
            fixture.given(COUNTY_CREATED)
                    .when(new DeactivateOrgUnit(COUNTY_ID, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(OrgUnit.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void theSystemMayDeactivateAUnitOfAnyCity() {
            fixture.given(COUNTY_CREATED)
                    .when(new DeactivateOrgUnit(COUNTY_ID, null), system())
                    .expectEvents(new OrgUnitDeactivated(COUNTY_ID));
        }
    }

    @Nested
    class ExpectedVersions {

        @Test
        void aCommandBasedOnTheCurrentVersionSucceeds() {
            fixture.given(COUNTY_CREATED, new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县政府"))
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", 1L), adminOf(CITY_ID))
                    .expectEvents(new OrgUnitRenamed(COUNTY_ID, "永吉县政府", "永吉县人民政府"));
        }

        @Test
        void aRenameBasedOnAStaleVersionIsRefused() {
            fixture.given(COUNTY_CREATED, new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县政府"))
                    .when(new RenameOrgUnit(COUNTY_ID, "永吉县人民政府", 0L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aDeactivationBasedOnAStaleVersionIsRefused() {
            fixture.given(COUNTY_CREATED, new OrgUnitRenamed(COUNTY_ID, "永吉县", "永吉县政府"))
                    .when(new DeactivateOrgUnit(COUNTY_ID, 0L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aCommandBasedOnAVersionFromTheFutureIsRefused() {
            fixture.given(COUNTY_CREATED)
                    .when(new DeactivateOrgUnit(COUNTY_ID, 5L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aRuleViolationWinsOverAStaleVersion() {
            fixture.given(COUNTY_CREATED, new OrgUnitDeactivated(COUNTY_ID))
                    .when(new DeactivateOrgUnit(COUNTY_ID, 0L), adminOf(CITY_ID))
                    .expectException(BusinessRuleViolation.class)
                    .expectNoEvents();
        }
    }
}
