package dev.settle.app;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for {@code --json} output: ISO dates, stable field order, one document per command. */
final class CliJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CliJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
