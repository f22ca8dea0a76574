package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the Maven metadata packed into the jar. */
public final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/org.sanctuaryrules/sanctuary-rules/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"sanctuary-rules " + version()};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through to the package's own version
        }
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
