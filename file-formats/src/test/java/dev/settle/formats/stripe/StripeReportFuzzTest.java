package dev.settle.formats.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FormatException;
import dev.settle.formats.adyen.ByteMutations;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Any mutation of a real Stripe fixture yields rows and violations or a FormatException, nothing else. */
@Tag("fuzz")
class StripeReportFuzzTest {

    @Provide
    Arbitrary<String> fixture() {
        return Arbitraries.of(StripeReportTest.ITEMIZED, StripeReportTest.VIOLATIONS);
    }

    @Provide
    Arbitrary<List<ByteMutations.Mutation>> mutations() {
        return ByteMutations.mutations();
    }

    @Property
    void a_mutated_report_gives_violations_or_a_format_exception_never_another_exception(
            @ForAll("fixture") String fixture, @ForAll("mutations") List<ByteMutations.Mutation> mutations) {
        byte[] input = ByteMutations.apply(StripeReportTest.bytes(fixture), mutations);
        try {
            new StripeInspector().inspect(new ByteArrayInputStream(input), "fuzz.csv");
        } catch (FormatException expected) {
            assertThat(expected.violation().code()).isInstanceOf(StripeViolation.class);
        }
    }
}
