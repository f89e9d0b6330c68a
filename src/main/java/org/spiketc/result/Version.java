package org.spiketc.result;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version and source commit, filtered into a resource at build time. */
public final class Version {
    private Version() {
    }

    public static String get() {
        return properties().getProperty("version", "unknown");
    }

    /** The source commit this build came from (abbreviated), with "-dirty" for uncommitted changes; "unknown" outside git. */
    public static String commit() {
        Properties p = properties();
        String c = p.getProperty("commit", "");
        if (c.isBlank() || c.startsWith("${")) {
            return "unknown";
        }
        return c + ("true".equals(p.getProperty("dirty")) ? "-dirty" : "");
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/org/spiketc/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no properties: unknown version
        }
        return p;
    }
}
