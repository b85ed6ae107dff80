package dev.settle.formats.planted;

/** Planted on purpose: Spring inside the plain-Java file formats. */
public class SpringInFormats {
    public Object template() {
        return new org.springframework.jdbc.core.JdbcTemplate();
    }
}
