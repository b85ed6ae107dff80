package dev.settle.formats.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FormatException;
import dev.settle.formats.fuzz.ByteMutations;
import java.io.ByteArrayInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Mutates the real fixtures (flip, insert, delete bytes, truncate, swap lines) and reads the result
 * through reader, validator and inspector: the only exception allowed is {@link FormatException}.
 */
@Tag("fuzz")
class Mt940ReaderFuzzTest {

    @Property
    void any_mutation_of_a_fixture_yields_items_and_violations_or_a_format_exception(
            @ForAll("mutatedFixtures") byte[] input) {
        try {
            Mt940Fixtures.Result r = Mt940Fixtures.read(input, "fuzz.sta");
            assertThat(r.violations()).allSatisfy(v -> assertThat(v.code()).isInstanceOf(Mt940Violation.class));
            new Mt940Inspector().inspect(new ByteArrayInputStream(input), "fuzz.sta");
        } catch (FormatException expected) {
            assertThat(expected.violation().code()).isInstanceOf(Mt940Violation.class);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedFixtures() {
        return ByteMutations.mutated(Arbitraries.of(Mt940Fixtures.ALL).map(Mt940Fixtures::bytes));
    }
}
