package dev.settle.formats.bai2;

import dev.settle.formats.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

final class Bai2Fixtures {

    static final List<String> ALL = List.of("moj-account-trailer-amount-blank.bai2", "moj-citi-gbp.bai2",
            "moj-natwest-gbp.bai2", "moj-svb-usd.bai2", "moov-parse-error.bai2", "moov-sample1-cad-returned-items.bai2",
            "moov-sample2-multi-group.bai2", "moov-sample3-multi-record-lines.bai2", "moov-sample4-continuations.bai2");

    private Bai2Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Bai2Fixtures.class.getResourceAsStream("/fixtures/bai2/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(List<Bai2Record> records, List<Violation> violations) {
        <T extends Bai2Record> List<T> of(Class<T> type) {
            return records.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> codes() {
            return violations.stream().map(v -> v.code().code()).toList();
        }
    }

    static Result read(String fixture) {
        return read(bytes(fixture), fixture);
    }

    static Result read(byte[] bytes, String name) {
        Bai2Reader reader = new Bai2Reader(new ByteArrayInputStream(bytes), name);
        Bai2Validator validator = new Bai2Validator(name);
        List<Bai2Record> records = new ArrayList<>();
        while (reader.hasNext()) {
            Bai2Record r = reader.next();
            validator.accept(r);
            records.add(r);
        }
        validator.finish();
        List<Violation> all = new ArrayList<>(reader.violations());
        all.addAll(validator.violations());
        return new Result(records, all);
    }
}
