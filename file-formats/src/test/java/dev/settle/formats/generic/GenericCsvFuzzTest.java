package dev.settle.formats.generic;

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
import org.assertj.core.api.Assertions;

/** Any mutation of a real generic fixture, read with its example mapping, yields records or a FormatException. */
@Tag("fuzz")
class GenericCsvFuzzTest {

    record Case(String fixture, String mapping) {
    }

    @Provide
    Arbitrary<Case> fixture() {
        return Arbitraries.of(
                new Case(GenericCsvReaderTest.GATEWAY, "gateway-report.properties"),
                new Case(GenericCsvReaderTest.BANK, "bank-statement.properties"),
                new Case(GenericCsvReaderTest.BANK_VIOLATIONS, "bank-statement.properties"));
    }

    @Provide
    Arbitrary<List<ByteMutations.Mutation>> mutations() {
        return ByteMutations.mutations();
    }

    @Property
    void a_mutated_file_gives_violations_or_a_format_exception_never_another_exception(
            @ForAll("fixture") Case c, @ForAll("mutations") List<ByteMutations.Mutation> mutations) {
        byte[] input = ByteMutations.apply(GenericCsvReaderTest.bytes(c.fixture()), mutations);
        GenericCsvInspector inspector = new GenericCsvInspector(GenericCsvReaderTest.example(c.mapping()));
        try {
            inspector.inspect(new ByteArrayInputStream(input), "fuzz.csv");
        } catch (FormatException expected) {
            Assertions.assertThat(expected.violation().code()).isInstanceOf(GenericViolation.class);
        }
    }
}
