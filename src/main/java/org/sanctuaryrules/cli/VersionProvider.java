package org.sanctuaryrules.cli;

import org.sanctuaryrules.engine.RuleSources;
import org.sanctuaryrules.internal.report.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the tool's version and the commit it was built from ({@link ToolVersion}: "unknown" when the
 * build had no git) and the version of the rules it ships.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        ToolVersion tool = ToolVersion.current();
        String commit = tool.commit() == null ? "unknown"
                : tool.commit().replace("-dirty", ", with uncommitted changes");
        return new String[] {"sanctuary-rules " + tool.version() + " (commit " + commit + ")",
                "shipped rules: version " + shippedRules()};
    }

    private static String shippedRules() {
        try {
            return RuleSources.shippedVersion();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
