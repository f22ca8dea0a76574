package org.sanctuaryrules.engine;

import java.util.List;

/**
 * What the rule set knows about one rule: where it is written and what its metadata says.
 *
 * @param notes the rule's own {@code @note} and {@code @assumption} texts
 */
public record RuleInfo(String name, String file, int line, String provision, String lifts, List<String> notes) {
    public RuleInfo {
        notes = List.copyOf(notes);
    }

    public String place() {
        return file + ":" + line;
    }
}
