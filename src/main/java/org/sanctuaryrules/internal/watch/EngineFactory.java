package org.sanctuaryrules.internal.watch;

import java.io.IOException;

import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.SanctuaryEngine;

/** Builds the engine afresh from the rule files as they are now on disk. */
@FunctionalInterface
public interface EngineFactory {
    SanctuaryEngine build() throws RuleSetException, IOException;
}
