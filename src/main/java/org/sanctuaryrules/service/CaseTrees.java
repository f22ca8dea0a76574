package org.sanctuaryrules.service;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads a case that the scenario loader has already accepted as a JSON tree, for the case page's form. */
final class CaseTrees {
    /** The loader's limits (aliases, depth) and its reading of yes/no as text. */
    static final YAMLMapper YAML;

    static {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(10);
        limits.setNestingDepthLimit(20);
        limits.setAllowRecursiveKeys(false);
        YAML = new YAMLMapper(YAMLFactory.builder().loaderOptions(limits)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());
    }

    private CaseTrees() {
    }
}
