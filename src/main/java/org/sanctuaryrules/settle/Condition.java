package org.sanctuaryrules.settle;

import java.util.List;

/**
 * One condition of a line of a settle table: a missing fact and the values it must take.
 *
 * @param field  the scenario key to fill in, as the engine names a missing fact: {@code acts[].record_sealed}
 * @param fact   the same, with the position of a conviction: {@code person.convictions[0].judgment_date}
 * @param values the values that satisfy it, as a scenario file writes them (one of them)
 */
public record Condition(String field, String fact, List<String> values) {
    public Condition {
        values = List.copyOf(values);
    }

    /** {@code acts[].record_sealed = true}, or {@code acts[].purpose is one of a, b}. */
    public String text() {
        return fact + (values.size() == 1 ? " = " + values.get(0) : " is one of " + String.join(", ", values));
    }
}
