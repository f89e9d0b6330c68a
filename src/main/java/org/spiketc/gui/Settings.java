package org.spiketc.gui;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/** What the workbench remembers between starts: window layout and last choices. */
public interface Settings {
    String get(String key, String fallback);

    void put(String key, String value);

    default int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(get(key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    default double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The user's preferences store (per user, outside the project). */
    static Settings user() {
        Preferences p = Preferences.userRoot().node("org/spiketc/workbench");
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return p.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                p.put(key, value);
            }
        };
    }

    /** Forgets everything at exit: tests. */
    static Settings inMemory() {
        Map<String, String> m = new HashMap<>();
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return m.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                m.put(key, value);
            }
        };
    }
}
