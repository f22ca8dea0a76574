package org.sanctuaryrules;

import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.SanctuaryEngine;

/** The engine on the shipped rules, built once per test JVM: a build costs seconds. */
public final class ShippedEngine {
    private ShippedEngine() {
    }

    private static final class Holder {
        static final SanctuaryEngine ENGINE = build();

        private static SanctuaryEngine build() {
            try {
                return SanctuaryEngine.shipped();
            } catch (RuleSetException e) {
                throw new IllegalStateException("the shipped rules do not compile:\n" + e.getMessage(), e);
            }
        }
    }

    public static SanctuaryEngine get() {
        return Holder.ENGINE;
    }
}
