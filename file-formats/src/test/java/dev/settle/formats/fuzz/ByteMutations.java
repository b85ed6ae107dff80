package dev.settle.formats.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level mutations of real fixture files for the readers' fuzz tests: flip, insert, delete a
 * run, truncate, duplicate a run, swap two lines — one to eight of them per input.
 */
public final class ByteMutations {

    private ByteMutations() {
    }

    /** Each fixture, mutated one to eight times. */
    public static Arbitrary<byte[]> mutated(Arbitrary<byte[]> fixtures) {
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(fixtures, mutations).as((bytes, ms) -> {
            byte[] out = bytes;
            for (Mutation m : ms) {
                out = m.apply(out);
            }
            return out;
        });
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Double> where2 = Arbitraries.doubles().between(0, 1);
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) ':', (byte) '\n', (byte) '\r', (byte) ',', (byte) '/', (byte) '?', (byte) '-',
                        (byte) '0', (byte) '9', (byte) 'C', (byte) 'D', (byte) 'R', (byte) 0x01, (byte) 0xC3));
        return Combinators.combine(kind, where, where2, value).as(Mutation::new);
    }

    public record Mutation(int kind, double where, double where2, byte value) {
        public byte[] apply(byte[] in) {
            int n = in.length;
            int at = n == 0 ? 0 : (int) (where * n) % Math.max(1, n);
            switch (kind) {
                case 0 -> { // flip
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[at] = value;
                    return out;
                }
                case 1 -> { // insert
                    byte[] out = new byte[n + 1];
                    System.arraycopy(in, 0, out, 0, at);
                    out[at] = value;
                    System.arraycopy(in, at, out, at + 1, n - at);
                    return out;
                }
                case 2 -> { // delete a run
                    if (n == 0) {
                        return in;
                    }
                    int len = Math.min(n - at, 1 + (int) (where2 * 20));
                    byte[] out = new byte[n - len];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + len, out, at, n - at - len);
                    return out;
                }
                case 3 -> { // truncate
                    return Arrays.copyOf(in, at);
                }
                case 4 -> { // duplicate a run
                    int len = Math.min(n - at, 1 + (int) (where2 * 40));
                    byte[] out = new byte[n + len];
                    System.arraycopy(in, 0, out, 0, at + len);
                    System.arraycopy(in, at, out, at + len, n - at);
                    return out;
                }
                default -> { // swap two lines
                    List<byte[]> lines = splitLines(in);
                    if (lines.size() < 2) {
                        return in;
                    }
                    int a = (int) (where * lines.size()) % lines.size();
                    int b = (int) (where2 * lines.size()) % lines.size();
                    byte[] tmp = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, tmp);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (byte[] l : lines) {
                        out.writeBytes(l);
                        out.write('\n');
                    }
                    return out.toByteArray();
                }
            }
        }

        private static List<byte[]> splitLines(byte[] in) {
            List<byte[]> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= in.length; i++) {
                if (i == in.length || in[i] == '\n') {
                    lines.add(Arrays.copyOfRange(in, start, i));
                    start = i + 1;
                }
            }
            return lines;
        }
    }
}
