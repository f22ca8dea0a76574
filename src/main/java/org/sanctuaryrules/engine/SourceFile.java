package org.sanctuaryrules.engine;

/** A file of a rule set: its name as shown to people (a path) and its text. */
public record SourceFile(String name, String content) {
    public String simpleName() {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
