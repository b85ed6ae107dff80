package dev.settle.formats.adyen;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutations of real fixture bytes for the fuzz tests of the CSV readers: flip, insert, delete,
 * truncate, swap lines. Each mutation is positioned by fractions so it applies to any file length.
 */
public final class ByteMutations {

    private ByteMutations() {
    }

    /** One mutation: a kind and two positions/values in [0, 1) plus a byte. */
    public record Mutation(int kind, double at, double other, byte value) {
        byte[] apply(byte[] in) {
            int n = in.length;
            int i = n == 0 ? 0 : (int) (at * n);
            int j = n == 0 ? 0 : (int) (other * n);
            switch (kind) {
                case 0: { // flip a byte
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[i] = (byte) (out[i] ^ (value == 0 ? 1 : value));
                    return out;
                }
                case 1: { // insert a byte, often a CSV-significant one
                    byte b = switch (Math.floorMod(value, 8)) {
                        case 0 -> '"';
                        case 1 -> ',';
                        case 2 -> '\n';
                        case 3 -> '\r';
                        case 4 -> ';';
                        default -> value;
                    };
                    byte[] out = new byte[n + 1];
                    System.arraycopy(in, 0, out, 0, i);
                    out[i] = b;
                    System.arraycopy(in, i, out, i + 1, n - i);
                    return out;
                }
                case 2: { // delete a run of bytes
                    int end = Math.min(n, i + 1 + Math.floorMod(value, 16));
                    byte[] out = new byte[n - (end - i)];
                    System.arraycopy(in, 0, out, 0, i);
                    System.arraycopy(in, end, out, i, n - end);
                    return out;
                }
                case 3: // truncate
                    return Arrays.copyOf(in, i);
                default: { // swap two lines
                    List<byte[]> lines = splitLines(in);
                    if (lines.size() < 2) {
                        return in;
                    }
                    int a = (int) (at * lines.size());
                    int b = (int) (other * lines.size());
                    byte[] t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
                    for (byte[] l : lines) {
                        out.writeBytes(l);
                    }
                    return out.toByteArray();
                }
            }
        }
    }

    public static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 0.999_999).ofScale(6),
                Arbitraries.doubles().between(0, 0.999_999).ofScale(6), Arbitraries.bytes()).as(Mutation::new);
    }

    public static Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(8);
    }

    public static byte[] apply(byte[] original, List<Mutation> mutations) {
        byte[] b = original;
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }

    /** Lines including their terminators. */
    private static List<byte[]> splitLines(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(Arrays.copyOfRange(in, start, in.length));
        }
        return lines;
    }
}
