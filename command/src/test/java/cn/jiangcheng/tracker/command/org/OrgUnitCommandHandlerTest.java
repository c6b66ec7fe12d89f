package cn.jiangcheng.tracker.command.org;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.MoveOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitDeactivated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitMoved;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.command.Callers.adminOf;
import static cn.jiangcheng.tracker.command.Callers.system;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating and moving a unit need its (new) parent and the parent's ancestors, which one
 * {@code AggregateTestFixture} cannot load. These tests run {@link OrgUnitCommandHandler} in a small real Axon
 * configuration over an in-memory event store, in the same given (events) / when (command) / then (new events or
 * failure) shape.
 */
class OrgUnitCommandHandlerTest {
    // 吉林省 ─ 吉林市 ─┬─ 永吉县 ── 永吉县生态环境分局
    //                 ├─ 磐石市 (a second county)
    //                 ├─ 吉林经开区
    //                 └─ 吉林市生态环境局
    //        └ 长春市 ── 农安县
    // 辽宁省
    private static final String PROVINCE = "22";
    private static final String OTHER_PROVINCE = "21";
    private static final String CITY = "220200";
    private static final String COUNTY = "220221";
    private static final String OTHER_COUNTY = "220284";
    private static final String DEV_ZONE = "220271";
    private static final String CITY_DEPARTMENT = "220200-sthj";
    private static final String COUNTY_DEPARTMENT = "220221-sthj";
    private static final String OTHER_CITY = "220100";
    private static final String OTHER_CITY_COUNTY = "220122";

    private static final OrgUnitCreated PROVINCE_CREATED =
            new OrgUnitCreated(PROVINCE, "吉林省", OrgUnitType.PROVINCE, null, null);
    private static final OrgUnitCreated OTHER_PROVINCE_CREATED =
            new OrgUnitCreated(OTHER_PROVINCE, "辽宁省", OrgUnitType.PROVINCE, null, null);
    private static final OrgUnitCreated CITY_CREATED =
            new OrgUnitCreated(CITY, "吉林市", OrgUnitType.CITY, PROVINCE, CITY);
    private static final OrgUnitCreated COUNTY_CREATED =
            new OrgUnitCreated(COUNTY, "永吉县", OrgUnitType.COUNTY, CITY, CITY);
    private static final OrgUnitCreated OTHER_COUNTY_CREATED =
            new OrgUnitCreated(OTHER_COUNTY, "磐石市", OrgUnitType.COUNTY, CITY, CITY);
    private static final OrgUnitCreated DEV_ZONE_CREATED =
            new OrgUnitCreated(DEV_ZONE, "吉林经开区", OrgUnitType.DEV_ZONE, CITY, CITY);
    private static final OrgUnitCreated CITY_DEPARTMENT_CREATED =
            new OrgUnitCreated(CITY_DEPARTMENT, "吉林市生态环境局", OrgUnitType.DEPARTMENT, CITY, CITY);
    private static final OrgUnitCreated COUNTY_DEPARTMENT_CREATED =
            new OrgUnitCreated(COUNTY_DEPARTMENT, "永吉县生态环境分局", OrgUnitType.DEPARTMENT, COUNTY, CITY);
    private static final OrgUnitCreated OTHER_CITY_CREATED =
            new OrgUnitCreated(OTHER_CITY, "长春市", OrgUnitType.CITY, PROVINCE, OTHER_CITY);
    private static final OrgUnitCreated OTHER_CITY_COUNTY_CREATED =
            new OrgUnitCreated(OTHER_CITY_COUNTY, "农安县", OrgUnitType.COUNTY, OTHER_CITY, OTHER_CITY);

    private Configuration config;
    private UniqueKeyInMemoryEventStorageEngine storage;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private int eventsBeforeWhen;
    private Object result;
    private Exception failure;

    @BeforeEach
    void startAxon() {
        storage = new UniqueKeyInMemoryEventStorageEngine();
        config = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(OrgUnit.class)
                .registerCommandHandler(c -> new OrgUnitCommandHandler(c.repository(OrgUnit.class)))
                .start();
    }

    @AfterEach
    void stopAxon() {
        config.shutdown();
    }

    // ---- given / when / then ----

    /** Stores past events of org units, each appended to the stream of the unit it names. */
    private void given(Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            String id = unitIdOf(event);
            long sequence = nextSequence.merge(id, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>("OrgUnit", id, sequence, event));
        }
        config.eventStore().publish(messages);
    }

    /** The whole tree of {@link #CITY} plus the other city, for tests that need more than a unit or two. */
    private void givenTheTree() {
        given(PROVINCE_CREATED, CITY_CREATED, COUNTY_CREATED, OTHER_COUNTY_CREATED, DEV_ZONE_CREATED,
                CITY_DEPARTMENT_CREATED, COUNTY_DEPARTMENT_CREATED, OTHER_CITY_CREATED, OTHER_CITY_COUNTY_CREATED);
    }

    private void when(Object command, Map<String, ?> metaData) {
        eventsBeforeWhen = allEvents().size();
        result = null;
        failure = null;
        try {
            result = config.commandGateway().sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (Exception e) {
            failure = e;
        }
    }

    private void thenEvents(Object... expected) {
        assertThat(failure).as("the command should have succeeded").isNull();
        List<? extends EventMessage<?>> newEvents = newEvents();
        assertThat(payloadsOf(newEvents)).containsExactly(expected);
        for (EventMessage<?> event : newEvents) {
            assertThat(((DomainEventMessage<?>) event).getAggregateIdentifier())
                    .as("stream of %s", event.getPayload())
                    .isEqualTo(unitIdOf(event.getPayload()));
        }
    }

    private void thenViolation(String code, String message) {
        assertThat(failure).isInstanceOfSatisfying(BusinessRuleViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.getMessage()).isEqualTo(message);
        });
        thenNoEvents();
    }

    private void thenViolation(String code) {
        assertThat(failure).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.code()).as(violation.getMessage()).isEqualTo(code));
        thenNoEvents();
    }

    private void thenNotFound(String message) {
        assertThat(failure).isInstanceOf(NotFoundInScope.class).hasMessage(message);
        thenNoEvents();
    }

    private void thenFailure(Class<? extends Exception> type) {
        assertThat(failure).isInstanceOf(type);
        thenNoEvents();
    }

    private void thenNoEvents() {
        assertThat(payloadsOf(newEvents())).isEmpty();
    }

    /** The events of one unit's stream, read back from the event store. */
    private List<Object> streamOf(String unitId) {
        return payloadsOf(config.eventStore().readEvents(unitId).asStream().toList());
    }

    private static List<Object> payloadsOf(List<? extends EventMessage<?>> events) {
        return events.stream().<Object>map(EventMessage::getPayload).toList();
    }

    private List<? extends EventMessage<?>> allEvents() {
        return storage.readEvents(null, false).toList();
    }

    private List<? extends EventMessage<?>> newEvents() {
        List<? extends EventMessage<?>> all = allEvents();
        return all.subList(eventsBeforeWhen, all.size());
    }

    private static String unitIdOf(Object event) {
        if (event instanceof OrgUnitCreated e) {
            return e.orgUnitId();
        } else if (event instanceof OrgUnitMoved e) {
            return e.orgUnitId();
        } else if (event instanceof OrgUnitRenamed e) {
            return e.orgUnitId();
        } else if (event instanceof OrgUnitDeactivated e) {
            return e.orgUnitId();
        }
        throw new IllegalArgumentException("not an org unit event: " + event);
    }

    // ---- the tests ----

    @Nested
    class CreatingBelowAParent {

        @Test
        void aCountyCreatedBelowACityBelongsToThatCity() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY, "永吉县", OrgUnitType.COUNTY, CITY), adminOf(CITY));
            thenEvents(COUNTY_CREATED);
            assertThat(result).isEqualTo(COUNTY);
            assertThat(streamOf(COUNTY)).containsExactly(COUNTY_CREATED);
        }

        @Test
        void aDepartmentCreatedBelowACountyBelongsToTheCountysCity() {
            given(PROVINCE_CREATED, CITY_CREATED, COUNTY_CREATED);
            when(new CreateOrgUnit(COUNTY_DEPARTMENT, "永吉县生态环境分局", OrgUnitType.DEPARTMENT, COUNTY),
                    adminOf(CITY));
            thenEvents(COUNTY_DEPARTMENT_CREATED);
        }

        @Test
        void theNameOfTheNewUnitIsStoredWithoutSurroundingBlanks() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY, "  永吉县 ", OrgUnitType.COUNTY, CITY), adminOf(CITY));
            thenEvents(COUNTY_CREATED);
        }

        @Test
        void theSystemCreatesACityBelowTheProvinceAndTheCityIsItsOwnCity() {
            given(PROVINCE_CREATED);
            when(new CreateOrgUnit(CITY, "吉林市", OrgUnitType.CITY, PROVINCE), system());
            thenEvents(new OrgUnitCreated(CITY, "吉林市", OrgUnitType.CITY, PROVINCE, CITY));
        }

        @Test
        void aCityAdministratorCannotSeeTheProvinceAndSoCannotAddACity() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(OTHER_CITY, "长春市", OrgUnitType.CITY, PROVINCE), adminOf(CITY));
            thenNotFound("未找到上级单位");
        }

        @Test
        void creatingBelowAnInactiveParentIsRefused() {
            given(PROVINCE_CREATED, CITY_CREATED, COUNTY_CREATED, new OrgUnitDeactivated(COUNTY));
            when(new CreateOrgUnit(COUNTY_DEPARTMENT, "永吉县生态环境分局", OrgUnitType.DEPARTMENT, COUNTY),
                    adminOf(CITY));
            thenViolation("PARENT_INACTIVE", "上级单位已停用，不能新增下级单位");
        }

        @Test
        void aCountyBelowACountyIsRefused() {
            given(PROVINCE_CREATED, CITY_CREATED, COUNTY_CREATED);
            when(new CreateOrgUnit("220221-01", "口前镇", OrgUnitType.COUNTY, COUNTY), adminOf(CITY));
            thenViolation("BAD_HIERARCHY", "县（市、区）不能设在县（市、区）之下");
        }

        @Test
        void aDepartmentBelowACountyIsAllowed() {
            given(PROVINCE_CREATED, CITY_CREATED, COUNTY_CREATED);
            when(new CreateOrgUnit(COUNTY_DEPARTMENT, "永吉县生态环境分局", OrgUnitType.DEPARTMENT, COUNTY),
                    adminOf(CITY));
            thenEvents(COUNTY_DEPARTMENT_CREATED);
        }

        @ParameterizedTest(name = "a {0} may stand below a {1}")
        @CsvSource({
                "CITY,       PROVINCE",
                "COUNTY,     CITY",
                "DEV_ZONE,   CITY",
                "DEPARTMENT, CITY",
                "DEPARTMENT, COUNTY",
                "DEPARTMENT, DEV_ZONE"})
        void allowedPlacements(OrgUnitType child, OrgUnitType parent) {
            givenTheTree();
            String parentId = unitOfType(parent);
            when(new CreateOrgUnit("new-unit", "新单位", child, parentId), system());
            String expectedCity = child == OrgUnitType.CITY ? "new-unit" : CITY;
            thenEvents(new OrgUnitCreated("new-unit", "新单位", child, parentId, expectedCity));
        }

        @ParameterizedTest(name = "a {0} may not stand below a {1}")
        @CsvSource({
                "PROVINCE,   PROVINCE", "PROVINCE,   CITY", "PROVINCE,   COUNTY", "PROVINCE,   DEV_ZONE",
                "PROVINCE,   DEPARTMENT",
                "CITY,       CITY", "CITY,       COUNTY", "CITY,       DEV_ZONE", "CITY,       DEPARTMENT",
                "COUNTY,     PROVINCE", "COUNTY,     COUNTY", "COUNTY,     DEV_ZONE", "COUNTY,     DEPARTMENT",
                "DEV_ZONE,   PROVINCE", "DEV_ZONE,   COUNTY", "DEV_ZONE,   DEV_ZONE", "DEV_ZONE,   DEPARTMENT",
                "DEPARTMENT, PROVINCE", "DEPARTMENT, DEPARTMENT"})
        void forbiddenPlacements(OrgUnitType child, OrgUnitType parent) {
            givenTheTree();
            when(new CreateOrgUnit("new-unit", "新单位", child, unitOfType(parent)), system());
            thenViolation("BAD_HIERARCHY");
        }

        @Test
        void aUnitWithoutATypeIsRefused() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY, "永吉县", null, CITY), adminOf(CITY));
            thenViolation("REQUIRED", "单位类型不能为空");
        }

        @Test
        void anUnknownParentIsAnsweredAsNotFound() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY_DEPARTMENT, "永吉县生态环境分局", OrgUnitType.DEPARTMENT, COUNTY),
                    adminOf(CITY));
            thenNotFound("未找到上级单位");
        }

        @Test
        void aParentInAnotherCityIsAnsweredAsNotFound() {
            given(PROVINCE_CREATED, CITY_CREATED, OTHER_CITY_CREATED, OTHER_CITY_COUNTY_CREATED);
            when(new CreateOrgUnit("220122-sthj", "农安县生态环境分局", OrgUnitType.DEPARTMENT, OTHER_CITY_COUNTY),
                    adminOf(CITY));
            thenNotFound("未找到上级单位");
        }

        @Test
        void theSystemMayCreateBelowAParentOfAnyCity() {
            given(PROVINCE_CREATED, OTHER_CITY_CREATED, OTHER_CITY_COUNTY_CREATED);
            when(new CreateOrgUnit("220122-sthj", "农安县生态环境分局", OrgUnitType.DEPARTMENT, OTHER_CITY_COUNTY),
                    system());
            thenEvents(new OrgUnitCreated("220122-sthj", "农安县生态环境分局", OrgUnitType.DEPARTMENT,
                    OTHER_CITY_COUNTY, OTHER_CITY));
        }

        @Test
        void aMissingParentIsRefused() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY, "永吉县", OrgUnitType.COUNTY, null), adminOf(CITY));
            thenViolation("REQUIRED", "上级单位不能为空");
        }

        @ParameterizedTest
        @ValueSource(strings = {"x", "220 221", "永吉"})
        void aMalformedIdIsRefused(String badId) {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(badId, "永吉县", OrgUnitType.COUNTY, CITY), adminOf(CITY));
            thenViolation("BAD_UNIT_ID");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aBlankNameIsRefused(String blank) {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY, blank, OrgUnitType.COUNTY, CITY), adminOf(CITY));
            thenViolation("REQUIRED", "单位名称不能为空");
        }

        @Test
        void aNameLongerThanSixtyCharactersIsRefused() {
            given(PROVINCE_CREATED, CITY_CREATED);
            when(new CreateOrgUnit(COUNTY, "县".repeat(61), OrgUnitType.COUNTY, CITY), adminOf(CITY));
            thenViolation("TOO_LONG");
        }

        @Test
        void anIdAlreadyInUseFailsAndLeavesTheExistingUnitAlone() {
            given(PROVINCE_CREATED, CITY_CREATED, COUNTY_CREATED);
            when(new CreateOrgUnit(COUNTY, "另一个县", OrgUnitType.COUNTY, CITY), adminOf(CITY));
            assertThat(failure).isInstanceOfAny(AggregateStreamCreationException.class, ConcurrencyException.class);
            thenNoEvents();
            assertThat(streamOf(COUNTY)).containsExactly(COUNTY_CREATED);
        }

        @Test
        void anIdAlreadyUsedByAUnitOfAnotherCityFailsToo() {
            given(PROVINCE_CREATED, CITY_CREATED, OTHER_CITY_CREATED, OTHER_CITY_COUNTY_CREATED);
            when(new CreateOrgUnit(OTHER_CITY_COUNTY, "永吉县", OrgUnitType.COUNTY, CITY), adminOf(CITY));
            assertThat(failure).isInstanceOfAny(AggregateStreamCreationException.class, ConcurrencyException.class);
            thenNoEvents();
            assertThat(streamOf(OTHER_CITY_COUNTY)).containsExactly(OTHER_CITY_COUNTY_CREATED);
        }
    }

    @Nested
    class Moving {

        @Test
        void movingADepartmentFromTheCityToACountyRecordsBothParents() {
            givenTheTree();
            when(new MoveOrgUnit(CITY_DEPARTMENT, COUNTY, null), adminOf(CITY));
            thenEvents(new OrgUnitMoved(CITY_DEPARTMENT, CITY, COUNTY));
        }

        @Test
        void aDepartmentMayMoveFromACountyToADevelopmentZone() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, DEV_ZONE, null), adminOf(CITY));
            thenEvents(new OrgUnitMoved(COUNTY_DEPARTMENT, COUNTY, DEV_ZONE));
        }

        @Test
        void aMovedUnitRemembersItsNewParent() {
            givenTheTree();
            given(new OrgUnitMoved(CITY_DEPARTMENT, CITY, COUNTY));
            when(new MoveOrgUnit(CITY_DEPARTMENT, DEV_ZONE, null), adminOf(CITY));
            thenEvents(new OrgUnitMoved(CITY_DEPARTMENT, COUNTY, DEV_ZONE));
        }

        @Test
        void movingBackToTheFormerParentIsAllowed() {
            givenTheTree();
            given(new OrgUnitMoved(CITY_DEPARTMENT, CITY, COUNTY));
            when(new MoveOrgUnit(CITY_DEPARTMENT, CITY, null), adminOf(CITY));
            thenEvents(new OrgUnitMoved(CITY_DEPARTMENT, COUNTY, CITY));
        }

        @Test
        void movingToTheSameParentIsRefused() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, COUNTY, null), adminOf(CITY));
            thenViolation("PARENT_UNCHANGED", "新的上级单位与原上级相同");
        }

        @Test
        void movingToTheParentItWasMovedToBeforeIsRefused() {
            givenTheTree();
            given(new OrgUnitMoved(CITY_DEPARTMENT, CITY, COUNTY));
            when(new MoveOrgUnit(CITY_DEPARTMENT, COUNTY, null), adminOf(CITY));
            thenViolation("PARENT_UNCHANGED");
        }

        @Test
        void movingBelowItselfIsRefused() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY, COUNTY, null), adminOf(CITY));
            thenViolation("CYCLE", "单位不能成为自己的上级");
        }

        /**
         * The type hierarchy alone already rules out every cycle (a department has no children, and a county or
         * development zone may only stand below a city), so this move also breaks the hierarchy. The cycle guard
         * runs first, though, and is the rule that answers.
         */
        @Test
        void movingBelowItsOwnDescendantIsRefusedAsACycle() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY, COUNTY_DEPARTMENT, null), adminOf(CITY));
            thenViolation("CYCLE", "不能把单位调整到它自己的下级单位之下");
        }

        @Test
        void theSystemIsRefusedACycleToo() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY, COUNTY_DEPARTMENT, null), system());
            thenViolation("CYCLE");
        }

        /** Data no command can produce: two units naming each other as parent. The ancestor walk must stop. */
        @Test
        void aCorruptParentLoopIsReportedInsteadOfWalkedForever() {
            givenTheTree();
            given(new OrgUnitCreated("loop-a", "甲", OrgUnitType.COUNTY, "loop-b", CITY),
                    new OrgUnitCreated("loop-b", "乙", OrgUnitType.COUNTY, "loop-a", CITY));
            when(new MoveOrgUnit(CITY_DEPARTMENT, "loop-a", null), adminOf(CITY));
            thenViolation("TREE_TOO_DEEP");
        }

        @Test
        void movingToAnotherCityIsRefusedEvenForTheSystem() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, OTHER_CITY_COUNTY, null), system());
            thenViolation("CROSS_CITY_MOVE", "不能把单位调整到其他城市");
        }

        @Test
        void aCountyCannotBeMovedUpToTheProvinceWhichBelongsToNoCity() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY, PROVINCE, null), system());
            thenViolation("CROSS_CITY_MOVE");
        }

        @Test
        void aNewParentInAnotherCityIsAnsweredAsNotFound() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, OTHER_CITY_COUNTY, null), adminOf(CITY));
            thenNotFound("未找到上级单位");
        }

        @Test
        void aUnitOfAnotherCityIsAnsweredAsNotFound() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, DEV_ZONE, null), adminOf(OTHER_CITY));
            thenNotFound(OrgUnit.NOT_FOUND);
        }

        @Test
        void anUnknownNewParentIsAnsweredAsNotFound() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, "220299", null), adminOf(CITY));
            thenNotFound("未找到上级单位");
        }

        @Test
        void anUnknownUnitCannotBeMoved() {
            givenTheTree();
            when(new MoveOrgUnit("220299", COUNTY, null), adminOf(CITY));
            thenFailure(AggregateNotFoundException.class);
        }

        @Test
        void aMissingNewParentIsRefused() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, null, null), adminOf(CITY));
            thenViolation("REQUIRED", "新的上级单位不能为空");
        }

        @Test
        void movingACityIsRefused() {
            givenTheTree();
            given(OTHER_PROVINCE_CREATED);
            when(new MoveOrgUnit(CITY, OTHER_PROVINCE, null), system());
            thenViolation("CANNOT_MOVE_CITY", "省、市级单位不能调整上级");
        }

        @Test
        void movingAProvinceIsRefused() {
            givenTheTree();
            given(OTHER_PROVINCE_CREATED);
            when(new MoveOrgUnit(PROVINCE, OTHER_PROVINCE, null), system());
            thenViolation("CANNOT_MOVE_CITY");
        }

        @Test
        void movingAnInactiveUnitIsRefused() {
            givenTheTree();
            given(new OrgUnitDeactivated(CITY_DEPARTMENT));
            when(new MoveOrgUnit(CITY_DEPARTMENT, COUNTY, null), adminOf(CITY));
            thenViolation("UNIT_INACTIVE", "该单位已停用，不能调整上级");
        }

        @Test
        void movingBelowAnInactiveUnitIsRefused() {
            givenTheTree();
            given(new OrgUnitDeactivated(COUNTY));
            when(new MoveOrgUnit(CITY_DEPARTMENT, COUNTY, null), adminOf(CITY));
            thenViolation("PARENT_INACTIVE", "新的上级单位已停用");
        }

        @Test
        void aDepartmentCannotMoveBelowAnotherDepartment() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY_DEPARTMENT, CITY_DEPARTMENT, null), adminOf(CITY));
            thenViolation("BAD_HIERARCHY", "市直部门不能设在市直部门之下");
        }

        @Test
        void aCountyCannotMoveBelowADevelopmentZone() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY, DEV_ZONE, null), adminOf(CITY));
            thenViolation("BAD_HIERARCHY", "县（市、区）不能设在开发区之下");
        }

        @Test
        void aCountyCannotMoveBelowAnotherCounty() {
            givenTheTree();
            when(new MoveOrgUnit(COUNTY, OTHER_COUNTY, null), adminOf(CITY));
            thenViolation("BAD_HIERARCHY");
        }

        @Test
        void aMoveBasedOnTheCurrentVersionSucceeds() {
            givenTheTree();
            given(new OrgUnitRenamed(CITY_DEPARTMENT, "吉林市生态环境局", "吉林市生态环境保护局"));
            when(new MoveOrgUnit(CITY_DEPARTMENT, COUNTY, 1L), adminOf(CITY));
            thenEvents(new OrgUnitMoved(CITY_DEPARTMENT, CITY, COUNTY));
        }

        @Test
        void aMoveBasedOnAStaleVersionIsRefused() {
            givenTheTree();
            given(new OrgUnitRenamed(CITY_DEPARTMENT, "吉林市生态环境局", "吉林市生态环境保护局"));
            when(new MoveOrgUnit(CITY_DEPARTMENT, COUNTY, 0L), adminOf(CITY));
            thenFailure(ConflictingAggregateVersionException.class);
            assertThat(streamOf(CITY_DEPARTMENT)).hasSize(2);
        }
    }

    private static final Map<OrgUnitType, String> UNIT_OF_TYPE = new EnumMap<>(Map.of(
            OrgUnitType.PROVINCE, PROVINCE,
            OrgUnitType.CITY, CITY,
            OrgUnitType.COUNTY, COUNTY,
            OrgUnitType.DEV_ZONE, DEV_ZONE,
            OrgUnitType.DEPARTMENT, CITY_DEPARTMENT));

    /** A unit of the given type in {@link #givenTheTree()}, within {@link #CITY} where the type allows. */
    private static String unitOfType(OrgUnitType type) {
        return UNIT_OF_TYPE.get(type);
    }
}
