package org.spiketc.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;

/**
 * Jackson's errors in the user's words: where in the document (a field path such as
 * {@code systems[2].chips}) and what was expected, one line, never a Java type name.
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** One line: "not valid JSON: ..." for syntax, "at PATH: ..." for content of the wrong shape. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            // the path's last element is the unknown field itself: name it once, quoted as the user's words
            return "at " + path(u, 1) + ": unknown field " + OneLine.quoted(u.getPropertyName(), 60);
        }
        if (e instanceof InvalidFormatException f) {
            String v = f.getValue() instanceof String t ? OneLine.quoted(t, 40) : OneLine.of(String.valueOf(f.getValue()), 40);
            return "at " + path(f) + ": " + v + " is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "at " + path(m) + ": expected " + expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException m && !(e.getCause() instanceof StreamConstraintsException)) {
            return "at " + path(m) + ": invalid value";
        }
        Throwable syntax = e.getCause() instanceof StreamConstraintsException c ? c : e;
        // the parser's own words without its location dump ("[Source: ...]") or its hints at its settings
        String m = syntax instanceof JsonProcessingException j && j.getOriginalMessage() != null ? j.getOriginalMessage()
                : Json.shortMessage((Exception) syntax);
        int cut = m.indexOf('\n');
        m = (cut < 0 ? m : m.substring(0, cut)).replaceAll(" \\(from `[^`]*`\\)", "").replaceAll("`[\\w.$]+\\.([\\w$]+)`", "$1")
                .replaceAll(" ?\\([^()]*`[^`]*`[^()]*\\)", "").replaceAll("`[^`]*`", "a parser setting")
                .replaceAll(" ?\\(for \\w+ starting at \\[Source: [^\\]]*\\]\\)", "");
        if (m.isBlank()) {
            m = "malformed";
        }
        // a quoted token from the file is cut inside its quotes, so the message keeps them balanced
        String quotedCut = OneLine.of(m).replaceAll("'([^']{40})[^']+'", "'$1...'");
        String where = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
        return "not valid JSON: " + (quotedCut.length() <= 300 ? quotedCut : quotedCut.substring(0, 300) + "...") + where;
    }

    private static String expected(Class<?> t) {
        if (t == null) {
            return "a value of another kind";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            Object[] values = t.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                b.append(i == 0 ? "" : ", ").append(values[i]);
            }
            return b.toString();
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord() || !t.isPrimitive()) {
            return "an object";
        }
        return "a value of another kind";
    }

    /** {@code systems[2].chips}, or "top level". */
    public static String path(JsonMappingException e) {
        return path(e, 0);
    }

    /** The path without its last {@code drop} elements. */
    private static String path(JsonMappingException e, int drop) {
        StringBuilder b = new StringBuilder();
        var refs = e.getPath();
        for (JsonMappingException.Reference r : refs.subList(0, Math.max(0, refs.size() - drop))) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(OneLine.of(r.getFieldName(), 60));
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "top level" : b.toString();
    }
}
