package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/**
 * What a rule concludes about an act. Rules insert conclusions into working memory through {@link Conclude};
 * the engine reads them back to decide the act's verdict and to explain it.
 */
public sealed interface Conclusion permits Prohibition, Lifted, Permitted, Unknown, Note, Established {
    Act act();

    /** Name of the rule that drew the conclusion. */
    String rule();

    /** Id of the provision (in the provision register) the rule encodes. */
    String provision();

    /** Plain-English account of why, built from the facts. */
    String explanation();
}
