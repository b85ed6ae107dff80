package dev.settle.formats.adyen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Any mutation of a real SDR fixture yields rows and violations or a FormatException, nothing else. */
@Tag("fuzz")
class AdyenSdrFuzzTest {

    private static final List<String> FIXTURES = List.of(
            "/fixtures/gateway/adyen-sdr-classic-two-batches.csv",
            "/fixtures/gateway/adyen-sdr-newer-layout.csv",
            "/fixtures/gateway/adyen-sdr-violations.csv");

    @Provide
    Arbitrary<String> fixture() {
        return Arbitraries.of(FIXTURES);
    }

    @Provide
    Arbitrary<List<ByteMutations.Mutation>> mutations() {
        return ByteMutations.mutations();
    }

    @Property
    void a_mutated_report_gives_violations_or_a_format_exception_never_another_exception(
            @ForAll("fixture") String fixture, @ForAll("mutations") List<ByteMutations.Mutation> mutations) {
        byte[] input = ByteMutations.apply(AdyenFixtures.bytes(fixture), mutations);
        try {
            InspectionReport report = new AdyenInspector().inspect(new ByteArrayInputStream(input), "fuzz.csv");
            assertThat(report.violations()).allSatisfy(v -> assertThat(v.file()).isEqualTo("fuzz.csv"));
        } catch (FormatException expected) {
            assertThat(expected.violation().code()).isInstanceOf(AdyenViolation.class);
        }
    }
}
