package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Mutates the real fixture bytes (flip, insert, delete, truncate, swap lines): reader, validator,
 * returns and inspector yield records/violations or a {@link FormatException}, never another exception.
 */
@Tag("fuzz")
class NachaFuzzTest {

    record Mutation(int kind, int position, int value) {
    }

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of(NachaTestFiles.FIXTURES);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void mutated_fixtures_give_violations_or_a_format_exception(@ForAll("fixtures") String fixture,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] input = NachaTestFiles.bytes(fixture);
        for (Mutation m : mutations) {
            input = apply(input, m);
        }
        byte[] bytes = input;
        try {
            NachaValidation v = NachaValidator.validate(new ByteArrayInputStream(bytes), fixture);
            assertThat(v.violations()).isNotNull();
        } catch (FormatException expected) {
            assertThat(expected.violation().code()).isInstanceOf(NachaViolation.class);
        }
        try (var s = NachaReturns.stream(new ByteArrayInputStream(bytes), fixture)) {
            s.forEach(r -> assertThat(r.code()).isNotNull());
        } catch (FormatException expected) {
            assertThat(expected.violation()).isNotNull();
        }
        try {
            new NachaInspector().inspect(new ByteArrayInputStream(bytes), fixture);
        } catch (FormatException expected) {
            assertThat(expected.violation()).isNotNull();
        }
        try (NachaReader reader = new NachaReader(new ByteArrayInputStream(bytes), fixture)) {
            NachaRawWriter.copy(reader, new ByteArrayOutputStream());
        } catch (FormatException expected) {
            assertThat(expected.violation()).isNotNull();
        }
    }

    private static byte[] apply(byte[] in, Mutation m) {
        if (in.length == 0) {
            return new byte[] {(byte) m.value()};
        }
        int pos = m.position() % in.length;
        switch (m.kind()) {
            case 0: { // flip a byte
                byte[] out = in.clone();
                out[pos] = (byte) m.value();
                return out;
            }
            case 1: { // insert a byte
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, pos);
                out[pos] = (byte) m.value();
                System.arraycopy(in, pos, out, pos + 1, in.length - pos);
                return out;
            }
            case 2: { // delete a byte
                byte[] out = new byte[in.length - 1];
                System.arraycopy(in, 0, out, 0, pos);
                System.arraycopy(in, pos + 1, out, pos, in.length - pos - 1);
                return out;
            }
            case 3: // truncate
                return Arrays.copyOf(in, pos);
            case 4: // swap two lines
            case 5: { // duplicate a line
                List<String> lines = new ArrayList<>(Arrays.asList(
                        new String(in, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", -1)));
                int a = pos % lines.size();
                int b = m.value() % lines.size();
                if (m.kind() == 4) {
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                } else {
                    lines.add(b, lines.get(a));
                }
                return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            default:
                throw new IllegalStateException();
        }
    }
}
