package dev.settle.formats.camt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Any mutation of a real camt fixture yields records and violations or a FormatException, nothing else. */
@Tag("fuzz")
class CamtFuzzTest {

    static final List<String> FIXTURES = List.of(
            "camt053/camt.053.001.02-abn-amro-batched.xml", "camt053/camt.053.001.02-finland-sample.xml",
            "camt053/camt.053.001.02-five-decimals.xml", "camt053/camt.053.001.02-goldman-sachs-uk-2stmts-eur-gbp.xml",
            "camt053/camt.053.001.02-goldman-sachs-us.xml", "camt053/camt.053.001.02-ing.xml",
            "camt053/camt.053.001.02-multi-statement.xml", "camt053/camt.053.001.02-wrong.xml",
            "camt053/camt.053.001.04-postfinance.xml", "camt053/camt.053.001.08-genkgo.xml",
            "camt054/camt.054.001.02-genkgo.xml", "camt054/camt.054.001.04-postfinance-esr-batched.xml",
            "camt054/camt.054.001.04-postfinance-returns.xml", "camt054/camt.054.001.08-genkgo.xml");

    @Provide
    Arbitrary<byte[]> mutatedCamt() {
        return ByteMutations.mutated(FIXTURES.stream().map(IsoFixtures::fixture).toList());
    }

    @Property
    void the_reader_yields_records_or_a_format_exception(@ForAll("mutatedCamt") byte[] input) {
        try (CamtReader reader = CamtReader.open(new ByteArrayInputStream(input), "fuzz.xml")) {
            CamtValidator validator = new CamtValidator("fuzz.xml");
            while (reader.hasNext()) {
                CamtRecord r = reader.next();
                assertThat(r.location()).isNotNull();
                validator.accept(r);
            }
            Stream.concat(reader.violations().stream(), validator.violations().stream())
                    .forEach(v -> assertThat(v.code()).isNotNull());
        } catch (FormatException e) {
            assertThat(e.violation().code()).isInstanceOf(CamtViolation.class);
        }
    }

    @Property
    void the_inspector_always_returns_a_report(@ForAll("mutatedCamt") byte[] input) {
        InspectionReport report = new CamtInspector(FileFormat.CAMT053).inspect(new ByteArrayInputStream(input),
                "fuzz.xml");

        assertThat(report.violations()).allSatisfy(v -> assertThat(v.code()).isInstanceOf(CamtViolation.class));
    }
}
