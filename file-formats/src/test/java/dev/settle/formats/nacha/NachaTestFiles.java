package dev.settle.formats.nacha;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads NACHA fixtures from the test classpath. */
final class NachaTestFiles {

    static final List<String> FIXTURES = List.of("20110805A.ach", "NACHA_SAMPLE_TEL_REVERSAL.ach", "ccd-debit.ach",
            "cor-example.ach", "dishonored-return.ach", "iat-mixedDebitCredit.ach", "ppd-mixedDebitCredit.ach",
            "return-WEB.ach", "short-line.ach", "web-debit.ach");

    private NachaTestFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = NachaTestFiles.class.getResourceAsStream("/fixtures/nacha/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    static NachaValidation validate(String content, String name) {
        return NachaValidator.validate(new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)), name);
    }

    static List<NachaRecord> readAll(String content) {
        List<NachaRecord> records = new ArrayList<>();
        try (NachaReader r = new NachaReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)), "t")) {
            r.forEachRemaining(records::add);
        }
        return records;
    }

    /** The content with {@code replacement} written over line {@code line} from 1-based column {@code column}. */
    static String overwrite(String content, int line, int column, String replacement) {
        String[] lines = content.split("\n", -1);
        String l = lines[line - 1];
        lines[line - 1] = l.substring(0, column - 1) + replacement + l.substring(column - 1 + replacement.length());
        return String.join("\n", lines);
    }
}
