package dev.settle.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.settle.money.NonMonetary;
import java.util.Set;

/**
 * The rules behind README's layout table. Module ↔ package: money → dev.settle.money, file-formats →
 * dev.settle.formats, schema → dev.settle.schema, ledger → dev.settle.ledger, local-services →
 * dev.settle.localservices, readers-writers → dev.settle.readerswriters, jobs → dev.settle.jobs,
 * schedules → dev.settle.schedules, gateway-online → dev.settle.gateway, app → dev.settle.app.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final ArchRule MONEY_IS_PURE_JAVA = noClasses().that().resideInAPackage("dev.settle.money..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.settle.money..");

    static final ArchRule FORMATS_USE_NO_SPRING = noClasses().that().resideInAPackage("dev.settle.formats..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "dev.settle.ledger..", "dev.settle.jobs..", "dev.settle.gateway..");

    static final ArchRule GATEWAY_NOT_ON_JOBS = noClasses().that().resideInAPackage("dev.settle.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.settle.jobs..", "dev.settle.schedules..",
                    "dev.settle.readerswriters..", "dev.settle.app..");

    /** Formats at the bottom, jobs and the API above, the scheduler and CLI on top. */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true) // modules without classes yet still get their rules once they have some
            .layer("money").definedBy("dev.settle.money..")
            .layer("formats").definedBy("dev.settle.formats..")
            .layer("schema").definedBy("dev.settle.schema..", "db.migration..")
            .layer("ledger").definedBy("dev.settle.ledger..")
            .layer("localservices").definedBy("dev.settle.localservices..")
            .layer("readerswriters").definedBy("dev.settle.readerswriters..")
            .layer("jobs").definedBy("dev.settle.jobs..")
            .layer("schedules").definedBy("dev.settle.schedules..")
            .layer("gateway").definedBy("dev.settle.gateway..")
            .layer("app").definedBy("dev.settle.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("schedules").mayOnlyBeAccessedByLayers("app")
            .whereLayer("gateway").mayOnlyBeAccessedByLayers("app")
            .whereLayer("jobs").mayOnlyBeAccessedByLayers("schedules", "app")
            .whereLayer("readerswriters").mayOnlyBeAccessedByLayers("jobs", "schedules", "app")
            .whereLayer("ledger").mayOnlyBeAccessedByLayers("jobs", "schedules", "gateway", "app")
            .whereLayer("localservices").mayOnlyBeAccessedByLayers("app")
            .whereLayer("formats").mayOnlyBeAccessedByLayers("readerswriters", "jobs", "schedules", "app")
            .whereLayer("schema").mayOnlyBeAccessedByLayers("localservices", "ledger", "jobs", "schedules", "gateway", "app");

    static final ArchRule NO_CYCLES = slices().matching("dev.settle.(*)..").should().beFreeOfCycles();

    private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    private static final DescribedPredicate<JavaClass> FLOATING_TYPE =
            DescribedPredicate.describe("double or float", c -> FLOATING.contains(c.getName()));

    private static final DescribedPredicate<JavaClass> DECLARED_NON_MONETARY =
            DescribedPredicate.describe("annotated @NonMonetary", c -> c.isAnnotatedWith(NonMonetary.class));

    /** Money is long minor units: no double/float field anywhere, unless the class says why (@NonMonetary). */
    static final ArchRule NO_FLOATING_POINT_FIELDS = fields().that().areDeclaredInClassesThat()
            .resideInAPackage("dev.settle..").and().areDeclaredInClassesThat(DescribedPredicate.not(DECLARED_NON_MONETARY))
            .should().notHaveRawType(FLOATING_TYPE);

    static final ArchRule NO_FLOATING_POINT_PARAMETERS = methods().that().areDeclaredInClassesThat()
            .resideInAPackage("dev.settle..").and().areDeclaredInClassesThat(DescribedPredicate.not(DECLARED_NON_MONETARY))
            .should(new ArchCondition<JavaCodeUnit>("not take a double or float parameter") {
                @Override
                public void check(JavaCodeUnit method, ConditionEvents events) {
                    boolean floating = method.getRawParameterTypes().stream().anyMatch(FLOATING_TYPE);
                    events.add(new SimpleConditionEvent(method, !floating,
                            method.getFullName() + " takes a floating-point parameter"));
                }
            });
}
