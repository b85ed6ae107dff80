package dev.settle.formats.adyen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

final class AdyenFixtures {

    private AdyenFixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = AdyenFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SdrLine> readAll(String resource) {
        List<SdrLine> rows = new ArrayList<>();
        try (AdyenSdrReader reader = AdyenSdrReader.open(new java.io.ByteArrayInputStream(bytes(resource)), resource)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }
}
