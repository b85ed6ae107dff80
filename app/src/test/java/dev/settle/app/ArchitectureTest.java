package dev.settle.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rules of README's layout, over every production class of every module. */
class ArchitectureTest {

    private static final java.util.regex.Pattern TEST_JAR = java.util.regex.Pattern.compile(".*-tests\\.jar.*");

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // DO_NOT_INCLUDE_TESTS knows target/test-classes but not a packaged test-jar, which is
            // what file-formats' fixtures arrive as in `verify`.
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages("dev.settle");

    @Test
    void production_classes_were_found_in_every_module_on_the_classpath() {
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("money", "formats", "ledger", "schema", "localservices", "app");
    }

    @Test
    void money_depends_on_the_jdk_only() {
        ArchitectureRules.MONEY_IS_PURE_JAVA.check(PRODUCTION);
    }

    @Test
    void file_formats_use_no_spring() {
        ArchitectureRules.FORMATS_USE_NO_SPRING.check(PRODUCTION);
    }

    @Test
    void dependencies_point_one_way() {
        ArchitectureRules.LAYERS.check(PRODUCTION);
    }

    @Test
    void gateway_never_depends_on_jobs() {
        ArchitectureRules.GATEWAY_NOT_ON_JOBS.check(PRODUCTION);
    }

    @Test
    void no_package_cycles() {
        ArchitectureRules.NO_CYCLES.check(PRODUCTION);
    }

    @Test
    void no_floating_point_fields_or_parameters() {
        ArchitectureRules.NO_FLOATING_POINT_FIELDS.check(PRODUCTION);
        ArchitectureRules.NO_FLOATING_POINT_PARAMETERS.check(PRODUCTION);
    }
}
