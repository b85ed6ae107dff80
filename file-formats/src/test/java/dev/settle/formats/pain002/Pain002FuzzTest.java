package dev.settle.formats.pain002;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FormatException;
import dev.settle.formats.camt.ByteMutations;
import dev.settle.formats.camt.IsoFixtures;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Any mutation of our pain.002 fixtures (the golden bank reports) yields records or a FormatException. */
@Tag("fuzz")
class Pain002FuzzTest {

    @Provide
    Arbitrary<byte[]> mutatedPain002() {
        return ByteMutations.mutated(List.of(IsoFixtures.read("golden/pain002/bank-status-pain.002.001.03.xml"),
                IsoFixtures.read("golden/pain002/bank-status-pain.002.001.10.xml")));
    }

    @Property
    void the_reader_yields_records_or_a_format_exception(@ForAll("mutatedPain002") byte[] input) {
        try (Pain002Reader reader = Pain002Reader.open(new ByteArrayInputStream(input), "fuzz.xml")) {
            Pain002Validator validator = new Pain002Validator("fuzz.xml");
            while (reader.hasNext()) {
                validator.accept(reader.next());
            }
            validator.finish();
        } catch (FormatException e) {
            assertThat(e.violation().code()).isInstanceOf(Pain002Violation.class);
        }
    }

    @Property
    void the_inspector_always_returns_a_report(@ForAll("mutatedPain002") byte[] input) {
        assertThat(new Pain002Inspector().inspect(new ByteArrayInputStream(input), "fuzz.xml").violations())
                .allSatisfy(v -> assertThat(v.code()).isInstanceOf(Pain002Violation.class));
    }
}
