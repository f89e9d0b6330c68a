package org.spiketc.compiler.pass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a pass is, apart from what it does.
 *
 * @param id          stable kebab-case id used on the command line, in JSON and in the store
 * @param description one line for reports
 * @param parameters  the pass's settings as text, in a fixed order
 * @param required    the mapper cannot run without it, so it cannot be disabled
 */
public record PassInfo(String id, String description, Map<String, String> parameters, boolean required) {
    public PassInfo {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static PassInfo of(String id, String description, boolean required) {
        return new PassInfo(id, description, Map.of(), required);
    }
}
