package org.augment4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** JSON reading and writing for the CLI's own files. */
final class Json {
    /**
     * Reads standard JSON plus the bare {@code NaN}/{@code Infinity} that Python's {@code json.dump} writes, so that
     * such values reach the target checks and are reported as what they are.
     */
    static final ObjectMapper READ = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    static final ObjectMapper WRITE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Reads a JSON object from {@code path}; {@code what} names the file in errors ("targets file"). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(Path path, String what) {
        Inputs.requireFile(path, what);
        Object v;
        try {
            v = READ.readValue(path.toFile(), Object.class);
        } catch (JsonProcessingException e) {
            throw Errors.bad(what + " " + path + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
        if (!(v instanceof Map)) throw Errors.bad(what + " " + path + " must hold a JSON object, got " + (v == null ? "null" : v.getClass().getSimpleName()));
        return (Map<String, Object>) v;
    }

    static void write(Path path, Object value) {
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            WRITE.writeValue(path.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
