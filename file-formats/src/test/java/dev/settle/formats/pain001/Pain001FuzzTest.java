package dev.settle.formats.pain001;

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

/** Any mutation of a real pain.001 fixture yields records and violations or a FormatException. */
@Tag("fuzz")
class Pain001FuzzTest {

    static final List<String> FIXTURES = List.of(
            "pain001/pain.001.001.03-international-rub.xml", "pain001/pain.001.001.03-international-usd.xml",
            "pain001/pain.001.001.03-multi-currency-3tx.xml", "pain001/pain.001.001.03-sepa-king-example.xml",
            "pain001/pain.001.001.03-sepa-multiple-pmtinf.xml", "pain001/pain.001.001.03-us-ach-credit.xml",
            "pain001/pain.001.001.09-pain001-template-sample.xml", "pain001/pain.001.001.09-sepa-rator-example.xml",
            "pain001/pain.001.001.09-xsd-generated-edge-cases.xml");

    @Provide
    Arbitrary<byte[]> mutatedPain001() {
        return ByteMutations.mutated(FIXTURES.stream().map(IsoFixtures::fixture).toList());
    }

    @Property
    void the_reader_yields_records_or_a_format_exception(@ForAll("mutatedPain001") byte[] input) {
        try (Pain001Reader reader = Pain001Reader.open(new ByteArrayInputStream(input), "fuzz.xml")) {
            Pain001Validator validator = new Pain001Validator("fuzz.xml");
            while (reader.hasNext()) {
                validator.accept(reader.next());
            }
            validator.finish();
        } catch (FormatException e) {
            assertThat(e.violation().code()).isInstanceOf(Pain001Violation.class);
        }
    }

    @Property
    void the_inspector_always_returns_a_report(@ForAll("mutatedPain001") byte[] input) {
        assertThat(new Pain001Inspector().inspect(new ByteArrayInputStream(input), "fuzz.xml").violations())
                .allSatisfy(v -> assertThat(v.code()).isInstanceOf(Pain001Violation.class));
    }
}
