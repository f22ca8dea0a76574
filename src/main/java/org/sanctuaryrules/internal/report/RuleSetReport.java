package org.sanctuaryrules.internal.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.sanctuaryrules.engine.Binding;
import org.sanctuaryrules.engine.Provision;
import org.sanctuaryrules.engine.RuleSet;

/**
 * A rule set as JSON (the decision service's {@code GET /v1/rules}): where it came from, its version, and its
 * provisions with citations and the days they are in force, in the keys and style of {@link JsonReport}.
 */
public final class RuleSetReport {
    public String json(RuleSet ruleSet) {
        List<ProvisionJson> provisions = ruleSet.provisions().all().stream()
                .sorted(Comparator.comparing(Provision::id))
                .map(p -> new ProvisionJson(p.id(), p.citation(), p.title(), p.from(), p.to(), p.unverified(),
                        p.binding(), ruleSet.rules().values().stream().filter(r -> p.id().equals(r.provision()))
                                .map(r -> r.name()).sorted().toList()))
                .toList();
        return new JsonWriter().write(new RulesJson(new RuleSetJson(ruleSet.origin(), ruleSet.version()),
                ruleSet.rules().size(), provisions));
    }

    private record RulesJson(RuleSetJson ruleSet, int ruleCount, List<ProvisionJson> provisions) {
    }

    private record RuleSetJson(String origin, String version) {
    }

    /** @param rules the names of the rules that cite the provision */
    private record ProvisionJson(String id, String citation, String title, LocalDate inForceFrom, LocalDate inForceTo,
                                 boolean unverified, Binding binding, List<String> rules) {
    }
}
