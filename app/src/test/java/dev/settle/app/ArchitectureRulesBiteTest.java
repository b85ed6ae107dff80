package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.settle.formats.planted.SpringInFormats;
import dev.settle.gateway.planted.BadMoneyHolder;
import dev.settle.gateway.planted.GatewayCallingJobs;
import org.junit.jupiter.api.Test;

/** Each rule rejects a class planted in the test tree to break it, so the rules cannot pass vacuously. */
class ArchitectureRulesBiteTest {

    static final JavaClasses PLANTED = new ClassFileImporter()
            .importClasses(BadMoneyHolder.class, SpringInFormats.class, GatewayCallingJobs.class);

    @Test
    void a_double_amount_field_is_rejected() {
        assertThatThrownBy(() -> ArchitectureRules.NO_FLOATING_POINT_FIELDS.check(PLANTED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BadMoneyHolder.amount");
    }

    @Test
    void a_double_amount_parameter_is_rejected() {
        assertThatThrownBy(() -> ArchitectureRules.NO_FLOATING_POINT_PARAMETERS.check(PLANTED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BadMoneyHolder.charge(double)");
    }

    @Test
    void spring_inside_file_formats_is_rejected() {
        assertThatThrownBy(() -> ArchitectureRules.FORMATS_USE_NO_SPRING.check(PLANTED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SpringInFormats");
    }

    @Test
    void the_gateway_calling_into_jobs_is_rejected() {
        assertThatThrownBy(() -> ArchitectureRules.GATEWAY_NOT_ON_JOBS.check(PLANTED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GatewayCallingJobs");
    }
}
