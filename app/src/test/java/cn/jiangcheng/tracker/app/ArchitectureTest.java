package cn.jiangcheng.tracker.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Features talk through the api module's commands, events and queries only: no feature reaches into another
 * feature's aggregates or projections, and the write side never reads the read side.
 */
@AnalyzeClasses(packages = "cn.jiangcheng.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandFeaturesAreIndependent = slices()
            .matching("cn.jiangcheng.tracker.command.(*)..").should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "cn.jiangcheng.tracker.command.common.."));

    @ArchTest
    static final ArchRule queryFeaturesAreIndependent = slices()
            .matching("cn.jiangcheng.tracker.query.(*)..").should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "cn.jiangcheng.tracker.query.common.."));

    @ArchTest
    static final ArchRule writeSideDoesNotReadProjections = noClasses()
            .that().resideInAPackage("cn.jiangcheng.tracker.command..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.jiangcheng.tracker.query..",
                    "cn.jiangcheng.tracker.app..");

    @ArchTest
    static final ArchRule readSideDoesNotTouchAggregates = noClasses()
            .that().resideInAPackage("cn.jiangcheng.tracker.query..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.jiangcheng.tracker.command..",
                    "cn.jiangcheng.tracker.app..");

    @ArchTest
    static final ArchRule apiIsSelfContained = noClasses()
            .that().resideInAPackage("cn.jiangcheng.tracker.api..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.jiangcheng.tracker.command..",
                    "cn.jiangcheng.tracker.query..", "cn.jiangcheng.tracker.app..");

    @ArchTest
    static final ArchRule webLayerUsesGatewaysNotAggregatesOrProjections = noClasses()
            .that().resideInAPackage("cn.jiangcheng.tracker.app..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.jiangcheng.tracker.command..",
                    "cn.jiangcheng.tracker.query..");
}
