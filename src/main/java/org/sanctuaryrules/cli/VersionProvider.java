package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.sanctuaryrules.engine.RuleSources;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the tool's version (from the Maven metadata in the jar), the commit it was built from (from
 * git at build time, see pom.xml; "unknown" when the build had no git) and the version of the rules it ships.
 */
final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/org.sanctuaryrules/sanctuary-rules/pom.properties";
    private static final String GIT_PROPERTIES = "git.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"sanctuary-rules " + version() + " (commit " + commit() + ")",
                "shipped rules: version " + shippedRules()};
    }

    static String version() {
        Properties pom = properties(VersionProvider.class.getResourceAsStream(POM_PROPERTIES));
        if (pom != null) {
            return pom.getProperty("version", "unknown");
        }
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** The abbreviated commit id, marked when the working tree had changes not committed; "unknown" without git. */
    static String commit() {
        Properties git = properties(VersionProvider.class.getResourceAsStream(GIT_PROPERTIES));
        String id = git == null ? null : git.getProperty("git.commit.id.abbrev");
        if (id == null || id.isBlank()) {
            return "unknown";
        }
        return id + ("true".equals(git.getProperty("git.dirty")) ? ", with uncommitted changes" : "");
    }

    private static String shippedRules() {
        try {
            return RuleSources.shippedVersion();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static Properties properties(InputStream resource) {
        if (resource == null) {
            return null;
        }
        try (InputStream in = resource) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            return null;
        }
    }
}
