package org.spiketc.common;

/** Text from a user's file made fit for a one-line message: control characters escaped, length capped. */
public final class OneLine {
    private OneLine() {
    }

    /** {@code s} with line breaks, tabs and other control characters written as escapes. */
    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@link #of} cut to at most {@code max} characters, with "..." where it was cut. */
    public static String of(String s, int max) {
        String t = of(s);
        return t.length() <= max ? t : t.substring(0, max) + "...";
    }

    /**
     * Text from a file in single quotes, plainly the file's own words: control characters and quotes escaped,
     * cut to {@code max} characters inside the quotes with the full length said.
     */
    public static String quoted(String s, int max) {
        String inside = of(s.length() <= max ? s : s.substring(0, max)).replace("'", "\\u0027");
        return "'" + inside + (s.length() > max ? "... (" + s.length() + " characters)" : "") + "'";
    }
}
