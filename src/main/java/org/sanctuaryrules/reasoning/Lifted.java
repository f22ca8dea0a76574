package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/** An exception lifts a prohibition: the act is not forbidden by it. */
public record Lifted(Prohibition prohibition, String rule, String provision, String explanation) implements Conclusion {
    @Override
    public Act act() {
        return prohibition.act();
    }
}
