package dev.settle.formats.camt;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.ViolationCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A thin, XXE-safe wrapper around a StAX {@link XMLStreamReader} (Woodstox's) shared by the ISO 20022 readers
 * (camt, pain.001, pain.002). It keeps the element stack so every record can say where it came from
 * (line and {@link XmlLocation#xmlPath() path}), collects the text of leaf elements, and turns every
 * parser failure into a {@link FormatException} carrying the caller's "malformed XML" code.
 *
 * <p>Memory is bounded by the nesting depth, never by the file size. Elements are matched by local
 * name: ISO 20022 messages use one default namespace, detected once from the root.
 *
 * <p>Not thread-safe; one cursor per stream.
 */
public final class XmlCursor implements AutoCloseable {

    /** ISO 20022 elements that may repeat under one parent, so their paths carry an index. */
    private static final Set<String> REPEATABLE = Set.of(
            "Stmt", "Ntfctn", "Rpt", "Bal", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd",
            "PmtInf", "CdtTrfTxInf", "OrgnlPmtInfAndSts", "TxInfAndSts", "StsRsnInf", "AddtlInf",
            "SplmtryData", "AddtlStmtInf", "AddtlNtfctnInf");

    private static final class Frame {
        final String name;
        /** Position among same-named siblings; counted only for {@link #REPEATABLE} names, else 1. */
        final int index;
        final long line;
        Map<String, Integer> childCounts;
        boolean hadChild;
        String ccy;
        /** Absolute path, built on first use from the parent's (locations are asked for often). */
        String path;

        Frame(String name, int index, long line) {
            this.name = name;
            this.index = index;
            this.line = line;
        }
    }

    private final XMLStreamReader reader;
    private final String file;
    private final ViolationCode malformed;
    private final List<Frame> stack = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String endedText;
    private String endedCcy;
    private Frame ended;
    /** Relative paths of {@link #walk}, one instance per (parent path, name): see {@link #childPath}. */
    private final Map<String, Map<String, String>> childPaths = new HashMap<>();
    private int childPathCount;
    private long strayTextCount;
    private XmlLocation firstStrayText;

    /**
     * @param malformed the code to report when the bytes are not well-formed XML (format-specific)
     * @throws FormatException when the stream cannot even be opened as XML
     */
    public XmlCursor(InputStream in, String file, ViolationCode malformed) {
        this.file = file;
        this.malformed = malformed;
        try {
            this.reader = open(in);
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /**
     * ISO 20022 messages are UTF-8. We decode the bytes ourselves with a strict decoder of the
     * declared encoding (UTF-8 when none is declared), so a broken byte sequence becomes a
     * FormatException that names the encoding (and the parser reads chars: measured faster than
     * handing it the bytes). Only a UTF-16 file (recognised by its first bytes) is left to the
     * parser's own detection.
     */
    private static XMLStreamReader open(InputStream raw) throws XMLStreamException, IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(PROLOG_BYTES);
        byte[] head = in.readNBytes(PROLOG_BYTES);
        in.reset();
        boolean utf16 = head.length >= 4 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || head[0] == 0 && head[1] == '<' && head[2] == 0 && head[3] == '?'
                || head[0] == '<' && head[1] == 0 && head[2] == '?' && head[3] == 0);
        if (utf16) {
            return secureInputFactory().createXMLStreamReader(in);
        }
        int bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        String prolog = new String(head, StandardCharsets.ISO_8859_1);
        int end = prolog.indexOf("?>");
        Charset charset = StandardCharsets.UTF_8;
        if (prolog.startsWith("<?xml", bom) && end > 0) {
            Matcher declared = ENCODING.matcher(prolog.substring(0, end));
            if (declared.find()) {
                try {
                    charset = Charset.forName(declared.group(1));
                } catch (IllegalArgumentException e) {
                    throw new IOException("unsupported encoding '" + declared.group(1) + "'");
                }
            }
        }
        in.skipNBytes(charset == StandardCharsets.UTF_8 ? bom : 0);
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return secureInputFactory().createXMLStreamReader(new InputStreamReader(in, strict));
    }

    private static final int PROLOG_BYTES = 256;
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /**
     * Woodstox's StAX factory, named here (never a provider found on the class path), with DTDs
     * and external entities switched off: a statement from outside must not make us read local
     * files or the network (XXE), nor expand entity bombs. Woodstox rather than the JDK's own
     * parser: for a 1.1 GB camt.053 of 1M entries its events cost 2.2–2.4 CPU-s against 3.1–3.2
     * (same strict decoder in front), and the whole camt reader 5.2–5.5 against 6.0–6.2.
     */
    public static XMLInputFactory secureInputFactory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true); // only the five predefined ones can occur
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Problems become FormatExceptions, never a line on stderr.
        f.setXMLReporter((message, errorType, info, location) -> { });
        return f;
    }

    /**
     * Advances to the next START_ELEMENT, END_ELEMENT or END_DOCUMENT and returns its type. Text is
     * gathered on the way. After END_ELEMENT, {@link #endedText()} holds the trimmed text of the
     * element that just closed.
     */
    public int next() {
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        onStart();
                        return event;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        onEnd();
                        return event;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                            XMLStreamConstants.SPACE -> onText();
                    case XMLStreamConstants.END_DOCUMENT -> {
                        return event;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw fail(new IllegalStateException(
                            "entity reference '&" + reader.getLocalName() + ";' is not allowed"));
                    default -> {
                        // comments, processing instructions, DTD: nothing to keep
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // RuntimeException too: a decoder or parser may throw one (e.g. on broken encodings) that
            // is still bad input, and a reader's contract is FormatException for every bad input.
            if (e instanceof FormatException fe) {
                throw fe;
            }
            throw fail(e);
        }
    }

    private void onStart() {
        Frame parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        String name = reader.getLocalName();
        int index = 1;
        if (parent != null) {
            if (!isXmlWhitespace(text)) {
                stray(parent);
            }
            parent.hadChild = true;
            if (REPEATABLE.contains(name)) { // only their index shows in a path
                if (parent.childCounts == null) {
                    parent.childCounts = new HashMap<>(4);
                }
                index = parent.childCounts.merge(name, 1, Integer::sum);
            }
        }
        Frame f = new Frame(name, index, currentLine());
        f.ccy = reader.getAttributeValue(null, "Ccy");
        stack.add(f);
        text.setLength(0);
    }

    private void onEnd() {
        // text after a child was already judged in onText (never kept), so there is none to check here
        Frame f = stack.remove(stack.size() - 1);
        endedText = f.hadChild ? "" : text.toString().strip();
        endedCcy = f.ccy;
        ended = f;
        text.setLength(0);
    }

    private void onText() {
        char[] chars = reader.getTextCharacters();
        int start = reader.getTextStart();
        int length = reader.getTextLength();
        if (!stack.isEmpty() && stack.get(stack.size() - 1).hadChild) {
            // Text after a child element belongs to mixed content; keep only whether it is blank
            // (indentation, most of the time: not worth copying).
            if (!isXmlWhitespace(chars, start, length)) {
                stray(stack.get(stack.size() - 1));
                text.setLength(0);
            }
            return;
        }
        text.append(chars, start, length);
    }

    /** Notes stray text in {@code f}, which is always the innermost open element here. */
    private void stray(Frame f) {
        if (strayTextCount++ == 0) {
            firstStrayText = new XmlLocation(f.line, path());
        }
    }

    /** XML's own whitespace (space, tab, CR, LF); a no-break space U+00A0 is not whitespace. */
    private static boolean isXmlWhitespace(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isXmlWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlWhitespace(char[] chars, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (!isXmlWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Local name of the element just started (after START_ELEMENT) or just ended (after END_ELEMENT). */
    public String localName() {
        return reader.getLocalName();
    }

    /** Namespace URI of the element just started. */
    public String namespace() {
        return reader.getNamespaceURI();
    }

    /** Number of open elements; the root element is depth 1. */
    public int depth() {
        return stack.size();
    }

    /** Trimmed text of the leaf element that just ended ("" for an element with children). */
    public String endedText() {
        return endedText;
    }

    /** The {@code Ccy} attribute of the element that just ended, or null. */
    public String endedCcy() {
        return endedCcy;
    }

    /** Location of the element that just ended: its start line and its path. */
    public XmlLocation endedLocation() {
        StringBuilder b = new StringBuilder(path());
        appendStep(b, ended);
        return new XmlLocation(ended.line, b.toString());
    }

    /** Location of the innermost open element (after START_ELEMENT: the element just started). */
    public XmlLocation location() {
        long line = stack.isEmpty() ? currentLine() : stack.get(stack.size() - 1).line;
        return new XmlLocation(line, path());
    }

    /** Path of the open elements, e.g. {@code /Document/BkToCstmrStmt/Stmt[2]/Ntry[5]}. */
    public String path() {
        return stack.isEmpty() ? "" : pathAt(stack.size() - 1);
    }

    private String pathAt(int depthIndex) {
        Frame f = stack.get(depthIndex);
        if (f.path == null) {
            StringBuilder b = new StringBuilder(depthIndex == 0 ? "" : pathAt(depthIndex - 1));
            appendStep(b, f);
            f.path = b.toString();
        }
        return f.path;
    }

    private static void appendStep(StringBuilder b, Frame f) {
        b.append('/').append(f.name);
        if (REPEATABLE.contains(f.name)) {
            b.append('[').append(f.index).append(']');
        }
    }

    /** The line the parser is at now (1-based), or 0 when it does not know. */
    public long currentLine() {
        Location l = reader.getLocation();
        return l == null || l.getLineNumber() < 0 ? 0 : l.getLineNumber();
    }

    /** How many elements had non-whitespace text beside child elements (e.g. U+00A0 indentation). */
    public long strayTextCount() {
        return strayTextCount;
    }

    /** Where the first such stray text was, or null. */
    public XmlLocation firstStrayText() {
        return firstStrayText;
    }

    /** Skips the rest of the element just started, including its children. */
    public void skipElement() {
        int target = depth() - 1;
        while (depth() > target) {
            if (next() == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    /** Callbacks of {@link #walk}: paths are relative to the subtree root, e.g. "PmtId/EndToEndId". */
    public interface SubtreeHandler {
        default void start(String relativePath) {
        }

        /** {@code text} is the trimmed text of a leaf, "" for an element with children. */
        void end(String relativePath, String text);
    }

    /** Walks the rest of the element just started, calling back on every descendant's start and end. */
    public void walk(SubtreeHandler handler) {
        int rootDepth = depth();
        // each open element's relative path, from its parent's (joining all names at every event
        // cost a fifth of reading a camt.053 entry)
        java.util.ArrayDeque<String> paths = new java.util.ArrayDeque<>();
        while (true) {
            int ev = next();
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String path = paths.isEmpty() ? localName() : childPath(paths.peekLast(), localName());
                paths.addLast(path);
                handler.start(path);
            } else {
                if (depth() < rootDepth) {
                    return;
                }
                handler.end(paths.pollLast(), endedText());
            }
        }
    }

    /**
     * {@code parent + "/" + name}, the same instance every time for the first
     * {@value #CHILD_PATHS_MAX} distinct paths of a document: a handler switches on the path, and
     * a string made anew hashes anew (a tenth of reading a camt.053 entry went to concatenating
     * and hashing these). Past the bound (a document with very many distinct element names) each
     * path is made anew: the result is the same.
     */
    private String childPath(String parent, String name) {
        Map<String, String> children = childPaths.get(parent);
        String path = children == null ? null : children.get(name);
        if (path != null) {
            return path;
        }
        path = parent + "/" + name;
        if (childPathCount < CHILD_PATHS_MAX) {
            childPaths.computeIfAbsent(parent, k -> new HashMap<>()).put(name, path);
            childPathCount++;
        }
        return path;
    }

    private static final int CHILD_PATHS_MAX = 4096;

    public String file() {
        return file;
    }

    /**
     * Reads the root {@code <Document>} and the message element under it, for the ISO 20022
     * readers: the message type is the one the Document's namespace names.
     *
     * @param messageOfNamespace the message type a namespace stands for, if supported
     * @param messageElement the element a message type expects under {@code <Document>}
     * @param supported what is supported, for the error ("a pain.001.001.03 or .09 Document")
     * @throws FormatException the cursor's malformed code (no root) or {@code unsupported}
     */
    public <M> M openDocument(Function<String, Optional<M>> messageOfNamespace, Function<M, String> messageElement,
                              ViolationCode unsupported, String supported) {
        if (next() != XMLStreamConstants.START_ELEMENT) {
            throw fatal(malformed, null, "no root element");
        }
        String ns = namespace();
        M message = "Document".equals(localName()) ? messageOfNamespace.apply(ns).orElse(null) : null;
        if (message == null) {
            throw fatal(unsupported, ns, "root <" + localName() + "> in namespace '" + ns + "' is not " + supported);
        }
        int ev = next();
        String expected = messageElement.apply(message);
        if (ev != XMLStreamConstants.START_ELEMENT || !expected.equals(localName())) {
            throw fatal(unsupported, ev == XMLStreamConstants.START_ELEMENT ? localName() : null,
                    "expected <" + expected + "> under <Document>");
        }
        return message;
    }

    /** A violation that stops reading the document, at the current position. */
    public FormatException fatal(ViolationCode code, String raw, String message) {
        return new FormatException(new Violation(code, file, currentLine(), path(), "Document", null, raw, message));
    }

    /**
     * Once the document ended: one violation for all text found between child elements (which
     * the schema forbids and the reader ignored), or empty when there was none.
     */
    public Optional<Violation> strayText(ViolationCode code) {
        if (strayTextCount() == 0) {
            return Optional.empty();
        }
        XmlLocation at = firstStrayText();
        return Optional.of(new Violation(code, file, at.line(), at.xmlPath(), null, null, null, strayTextCount()
                + " element(s) hold non-whitespace text between child elements (e.g. U+00A0 indentation);"
                + " the schema rejects it, the reader ignored it"));
    }

    /** A fatal violation at the current position, e.g. a truncated document. */
    public FormatException fail(Throwable cause) {
        long line = currentLineSafely();
        if (cause instanceof XMLStreamException xe && xe.getLocation() != null
                && xe.getLocation().getLineNumber() > 0) {
            line = xe.getLocation().getLineNumber();
        }
        String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int hops = 0;
        for (Throwable c = cause; c != null && hops++ < 10;
                c = c instanceof XMLStreamException xe && xe.getNestedException() != null ? xe.getNestedException()
                        : c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.nio.charset.CharacterCodingException) {
                msg = "a byte sequence is not valid in the file's encoding (UTF-8 unless declared)";
            }
        }
        // Woodstox appends "\n at [row,col {unknown-source}]: [l,c]"; the line is in the violation already
        int at = msg.indexOf("\n at [row,col");
        if (at >= 0) {
            msg = msg.substring(0, at);
        }
        return new FormatException(new Violation(malformed, file, line, stack.isEmpty() ? "/" : path(),
                stack.isEmpty() ? null : stack.get(stack.size() - 1).name, null, null,
                "not well-formed XML: " + msg), cause);
    }

    private long currentLineSafely() {
        try {
            return reader == null ? 0 : currentLine();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing a reader never fails for a reason the caller can act on
        }
    }
}
