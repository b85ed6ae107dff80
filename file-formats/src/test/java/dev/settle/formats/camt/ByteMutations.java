package dev.settle.formats.camt;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators that mutate real fixture bytes: flip, insert, delete and overwrite bytes,
 * truncate, and swap two lines. Shared by the camt, pain.001 and pain.002 fuzz tests.
 */
public final class ByteMutations {

    private static final int SCALE = 1_000_000;

    private ByteMutations() {
    }

    /** One edit: kind, relative position in millionths [0, SCALE), a byte value and a second position. */
    record Edit(int kind, int at, byte value, int other) {
    }

    /** Fixtures (paths under fixtures/iso20022/ or any resource) mutated by 1 to 8 edits. */
    public static Arbitrary<byte[]> mutated(List<byte[]> fixtures) {
        Arbitrary<byte[]> base = Arbitraries.of(fixtures);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, SCALE - 1), Arbitraries.bytes(),
                Arbitraries.integers().between(0, SCALE - 1)).as(Edit::new);
        return Combinators.combine(base, edit.list().ofMinSize(1).ofMaxSize(8)).as(ByteMutations::apply);
    }

    static byte[] apply(byte[] original, List<Edit> edits) {
        byte[] b = original;
        for (Edit e : edits) {
            b = apply(b, e);
        }
        return b;
    }

    private static byte[] apply(byte[] b, Edit e) {
        if (b.length == 0) {
            return new byte[] {e.value()};
        }
        int i = scaled(e.at(), b.length);
        switch (e.kind()) {
            case 0 -> { // flip one bit
                byte[] c = b.clone();
                c[i] ^= (byte) (1 << (Math.abs(e.value()) % 8));
                return c;
            }
            case 1 -> { // insert a byte (often a structural character)
                byte v = e.value() >= 0 && e.value() < 6 ? (byte) "<>/&\"\n".charAt(e.value()) : e.value();
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, i);
                c[i] = v;
                System.arraycopy(b, i, c, i + 1, b.length - i);
                return c;
            }
            case 2 -> { // delete a byte
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, i);
                System.arraycopy(b, i + 1, c, i, b.length - i - 1);
                return c;
            }
            case 3 -> { // truncate
                return Arrays.copyOf(b, i);
            }
            case 4 -> { // overwrite a byte with a digit-ish or arbitrary value
                byte[] c = b.clone();
                c[i] = e.value() >= 0 && e.value() < 10 ? (byte) ('0' + e.value()) : e.value();
                return c;
            }
            default -> {
                return swapLines(b, e.at(), e.other());
            }
        }
    }

    private static int scaled(int millionths, int length) {
        return (int) ((long) millionths * length / SCALE);
    }

    private static byte[] swapLines(byte[] b, int first, int second) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lines.add(Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(b, start, b.length));
        int x = scaled(first, lines.size());
        int y = scaled(second, lines.size());
        byte[] tmp = lines.get(x);
        lines.set(x, lines.get(y));
        lines.set(y, tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
