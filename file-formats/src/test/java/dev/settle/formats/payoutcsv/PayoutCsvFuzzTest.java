package dev.settle.formats.payoutcsv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Mutates the golden payout file's bytes: reader + validator give violations or a FormatException only. */
@Tag("fuzz")
class PayoutCsvFuzzTest {

    record Mutation(int kind, int position, int value) {
    }

    private static final byte[] GOLDEN = load();

    private static byte[] load() {
        try (InputStream in = PayoutCsvFuzzTest.class.getResourceAsStream("/golden/payoutcsv/payouts.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.of(0, 10, 13, 34, 44, 46, 48, 57, 65, 80, 84, 128, 195, 255, 127)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void mutated_payout_files_give_violations_or_a_format_exception(@ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = GOLDEN;
        for (Mutation m : mutations) {
            bytes = apply(bytes, m);
        }
        try {
            assertThat(new PayoutCsvInspector().inspect(new ByteArrayInputStream(bytes), "p.csv").violations()).isNotNull();
            assertThat(PayoutCsvValidator.validate(new ByteArrayInputStream(bytes), "p.csv").violations()).isNotNull();
        } catch (FormatException expected) {
            assertThat(expected.violation().code()).isInstanceOf(PayoutCsvViolation.class);
        }
    }

    private static byte[] apply(byte[] in, Mutation m) {
        if (in.length == 0) {
            return new byte[] {(byte) m.value()};
        }
        int pos = m.position() % in.length;
        switch (m.kind()) {
            case 0: {
                byte[] out = in.clone();
                out[pos] = (byte) m.value();
                return out;
            }
            case 1: {
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, pos);
                out[pos] = (byte) m.value();
                System.arraycopy(in, pos, out, pos + 1, in.length - pos);
                return out;
            }
            case 2: {
                byte[] out = new byte[in.length - 1];
                System.arraycopy(in, 0, out, 0, pos);
                System.arraycopy(in, pos + 1, out, pos, in.length - pos - 1);
                return out;
            }
            default:
                return Arrays.copyOf(in, pos);
        }
    }
}
