package dev.settle.formats.bai2;

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
class Bai2ReaderFuzzTest {

    @Property
    void any_mutation_of_a_fixture_yields_records_and_violations_or_a_format_exception(
            @ForAll("mutatedFixtures") byte[] input) {
        try {
            Bai2Fixtures.Result r = Bai2Fixtures.read(input, "fuzz.bai2");
            assertThat(r.violations()).allSatisfy(v -> assertThat(v.code()).isInstanceOf(Bai2Violation.class));
            new Bai2Inspector().inspect(new ByteArrayInputStream(input), "fuzz.bai2");
        } catch (FormatException expected) {
            assertThat(expected.violation().code()).isInstanceOf(Bai2Violation.class);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedFixtures() {
        return ByteMutations.mutated(Arbitraries.of(Bai2Fixtures.ALL).map(Bai2Fixtures::bytes));
    }
}
