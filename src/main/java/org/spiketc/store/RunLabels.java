package org.spiketc.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user may write on a run: a label (free text on one line, at most {@value #MAX_LABEL}
 * characters) and tags (at most {@value #MAX_TAGS} per run, each a short word of at most
 * {@value #MAX_TAG} of the characters a-z, 0-9, '.', '_', '-', starting with a letter or digit). Tags
 * are case-insensitive and kept in lower case, so that "Baseline" and "baseline" are one tag to filter by.
 * Anything else is refused with one message that says what is allowed.
 */
public final class RunLabels {
    /** The label column's size (V6). */
    public static final int MAX_LABEL = 200;
    /** The tag column's size (V6). */
    public static final int MAX_TAG = 32;
    /** Enough to classify a run several ways; more is a description, which is what the label is for. */
    public static final int MAX_TAGS = 16;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String TAG_RULE = "a tag is 1 to " + MAX_TAG + " of a-z, 0-9, '.', '_', '-', starting with a letter or digit";

    private RunLabels() {
    }

    /** The label as stored: trimmed, null for empty (no label); refused if it spans lines or is too long. */
    public static String label(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw new StoreException("a label is one line of text: this one has a line break or another control character");
        }
        if (t.length() > MAX_LABEL) {
            throw new StoreException("a label has at most " + MAX_LABEL + " characters: this one has " + t.length());
        }
        return t;
    }

    /** The tag as stored (lower case); refused unless it is one short word. */
    public static String tag(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.length() > MAX_TAG || !TAG.matcher(t).matches()) {
            throw new StoreException("tag '" + text + "' is not allowed: " + TAG_RULE);
        }
        return t;
    }
}
