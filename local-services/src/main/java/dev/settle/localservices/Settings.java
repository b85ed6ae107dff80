package dev.settle.localservices;

/** Reads a setting from a system property, else the matching environment variable, else a default. */
final class Settings {

    private Settings() {
    }

    /** {@code settle.pg.host} is looked up as that system property, then as {@code SETTLE_PG_HOST}. */
    static String get(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
