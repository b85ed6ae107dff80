package dev.settle.formats.mt940;

import dev.settle.formats.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads fixtures and whole streams. */
final class Mt940Fixtures {

    static final List<String> ALL = List.of("abnamro.sta", "cmxl-multi-currency.sta", "february-30-invalid-date.sta",
            "ing.sta", "mbank-pln.sta", "postfinance-chf.sta", "rabobank.sta", "sberbank-huf.sta",
            "sepa-mt940-large-with-reversals.sta", "sepa-snippet-broken.sta");

    private Mt940Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Mt940Fixtures.class.getResourceAsStream("/fixtures/mt940/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(List<Mt940Item> items, List<Violation> violations) {
        List<Mt940Entry> entries() {
            return items.stream().filter(Mt940Entry.class::isInstance).map(Mt940Entry.class::cast).toList();
        }

        List<Mt940StatementHeader> headers() {
            return items.stream().filter(Mt940StatementHeader.class::isInstance).map(Mt940StatementHeader.class::cast).toList();
        }

        List<Mt940StatementTrailer> trailers() {
            return items.stream().filter(Mt940StatementTrailer.class::isInstance).map(Mt940StatementTrailer.class::cast).toList();
        }

        List<String> codes() {
            return violations.stream().map(v -> v.code().code()).toList();
        }
    }

    static Result read(String fixture) {
        return read(bytes(fixture), fixture);
    }

    /** Reads and validates everything. */
    static Result read(byte[] bytes, String name) {
        Mt940Reader reader = new Mt940Reader(new ByteArrayInputStream(bytes), name);
        Mt940Validator validator = new Mt940Validator(name);
        List<Mt940Item> items = new ArrayList<>();
        while (reader.hasNext()) {
            Mt940Item item = reader.next();
            validator.accept(item);
            items.add(item);
        }
        List<Violation> all = new ArrayList<>(reader.violations());
        all.addAll(validator.violations());
        return new Result(items, all);
    }
}
