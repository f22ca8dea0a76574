package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build and the commit it was built from, as every JSON document and decision record states them
 * (the {@code tool} object, docs/json.md). Read once from {@code git.properties}, which the build writes into the
 * classes (pom.xml); a build without git has the version from the jar's Maven metadata and no commit.
 *
 * @param version the Maven version, {@code "unknown"} when neither file says
 * @param commit  the abbreviated commit id, with {@code "-dirty"} when the tree had uncommitted changes; null without
 *                git
 */
public record ToolVersion(String version, String commit) {
    private static final String GIT_PROPERTIES = "/org/sanctuaryrules/cli/git.properties";
    private static final String POM_PROPERTIES = "/META-INF/maven/org.sanctuaryrules/sanctuary-rules/pom.properties";
    private static final ToolVersion CURRENT = read();

    /** This build's. */
    public static ToolVersion current() {
        return CURRENT;
    }

    private static ToolVersion read() {
        Properties git = properties(GIT_PROPERTIES);
        Properties pom = properties(POM_PROPERTIES);
        String version = nonBlank(git.getProperty("git.build.version"));
        if (version == null) {
            version = nonBlank(pom.getProperty("version"));
        }
        if (version == null) {
            version = nonBlank(ToolVersion.class.getPackage().getImplementationVersion());
        }
        String commit = nonBlank(git.getProperty("git.commit.id.abbrev"));
        if (commit != null && "true".equals(git.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new ToolVersion(version == null ? "unknown" : version, commit);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Properties properties(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource says nothing: the version is then unknown
        }
        return properties;
    }
}
