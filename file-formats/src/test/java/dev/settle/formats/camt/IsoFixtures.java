package dev.settle.formats.camt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Test support shared by the ISO 20022 tests: fixture bytes, golden files and XSD validation. */
public final class IsoFixtures {

    private static final Path RESOURCES = Path.of("src/test/resources");

    private IsoFixtures() {
    }

    /** Bytes of {@code fixtures/iso20022/<relative>}. */
    public static byte[] fixture(String relative) {
        return read("fixtures/iso20022/" + relative);
    }

    public static byte[] read(String resource) {
        try (InputStream in = IsoFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * Compares with {@code golden/<name>}; with {@code -Dgolden.update=true} (re)writes the golden
     * file in the source tree instead, for a deliberate format change.
     */
    public static String golden(String name, String actual) {
        Path source = RESOURCES.resolve("golden").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return actual;
        }
        return new String(read("golden/" + name), StandardCharsets.UTF_8);
    }

    /** Schema errors of {@code xml} against {@code fixtures/xsd/<xsd>}; empty when valid. */
    public static List<String> xsdErrors(byte[] xml, String xsd) {
        List<String> errors = new ArrayList<>();
        try {
            SchemaFactory sf = SchemaFactory.newDefaultInstance();
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = sf.newSchema(new StreamSource(stream(read("fixtures/xsd/" + xsd)), xsd));
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ": " + e.getMessage());
                }
            });
            v.validate(new StreamSource(stream(xml)));
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }
}
