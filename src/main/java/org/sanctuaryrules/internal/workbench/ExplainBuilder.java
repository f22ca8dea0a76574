package org.sanctuaryrules.internal.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.ActExplanation;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Explanation;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.Firing;
import org.sanctuaryrules.engine.Provision;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.reasoning.Established;
import org.sanctuaryrules.reasoning.Undetermined;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ActNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ExceptionNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.NotInForce;
import org.sanctuaryrules.internal.workbench.ExplainedCase.Outcome;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ProhibitionNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.Step;

/** Builds the explanation tree of a scenario from the engine's explain-mode result and the rules' text. */
public final class ExplainBuilder {
    private static final Pattern TERM = Pattern.compile("\\bTerm\\.(\\w+)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-z]\\w*)\\b");

    private final RuleSet ruleSet;
    private final RuleText ruleText;

    public ExplainBuilder(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.ruleText = new RuleText(ruleSet);
    }

    public ExplainedCase build(Scenario scenario, Explanation explanation, LocalDate asOf) {
        Person person = scenario.aCase().person();
        List<ActNode> acts = explanation.acts().stream().map(a -> act(a, asOf, person)).toList();
        return new ExplainedCase(scenario.id(), scenario.title(), scenario.file().toString(), ruleSet.origin(),
                ruleSet.version(), asOf, explanation.assessment().verdict(), acts);
    }

    private ActNode act(ActExplanation ex, LocalDate asOf, Person person) {
        ActAssessment a = ex.assessment();
        List<Step> decidedBy = a.decisiveFindings().stream().map(f -> step(f, ex)).toList();
        List<ProhibitionNode> prohibitions = a.findings().stream().filter(f -> f.effect() == Effect.PROHIBITS)
                .map(f -> prohibition(f, ex, person)).toList();
        List<Step> others = a.findings().stream()
                .filter(f -> !f.decisive() && f.effect() != Effect.PROHIBITS && f.effect() != Effect.LIFTS
                        && f.lifts() == null)
                .map(f -> step(f, ex)).toList();
        Set<String> notes = new LinkedHashSet<>();
        a.findings().forEach(f -> f.notes().forEach(n -> notes.add(n.strip())));
        LocalDate lawDate = asOf == null ? a.date() : asOf;
        List<Step> policyDecidedBy = a.decisivePolicyFindings().stream().map(f -> step(f, ex)).toList();
        return new ActNode(a.actId(), a.agency(), a.kind(), lawDate, a.verdict(), decidedBy, prohibitions, others,
                a.missingFacts(), notInForce(ex), List.copyOf(notes), a.policy(), policyDecidedBy,
                a.policyMissingFacts(), null);
    }

    private ProhibitionNode prohibition(Finding p, ActExplanation ex, Person person) {
        List<Finding> findings = ex.assessment().findings();
        List<Finding> lifts = findings.stream().filter(f -> f.effect() == Effect.LIFTS && p.rule().equals(f.lifts()))
                .toList();
        List<Finding> open = findings.stream()
                .filter(f -> f.effect() == Effect.NEEDS_FACT && p.rule().equals(f.lifts())).toList();
        List<RuleInfo> exceptions = ruleSet.rules().values().stream().filter(r -> p.rule().equals(r.lifts()))
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line)).toList();
        Set<Finding> placed = new LinkedHashSet<>();
        List<ExceptionNode> nodes = new ArrayList<>();
        for (RuleInfo exception : exceptions) {
            List<Finding> related = open.stream()
                    .filter(f -> f.provision() != null && f.provision().equals(exception.provision())).toList();
            placed.addAll(related);
            nodes.add(exception(exception, lifts, related, ex, person));
        }
        Outcome outcome = !lifts.isEmpty() ? Outcome.LIFTED : !open.isEmpty() ? Outcome.OPEN : Outcome.STANDS;
        List<Step> unplaced = open.stream().filter(f -> !placed.contains(f)).map(f -> step(f, ex)).toList();
        return new ProhibitionNode(step(p, ex), outcome, nodes, unplaced);
    }

    private ExceptionNode exception(RuleInfo rule, List<Finding> lifts, List<Finding> related, ActExplanation ex,
                                    Person person) {
        List<Step> openFacts = related.stream().map(f -> step(f, ex)).toList();
        Finding fired = lifts.stream().filter(f -> f.rule().equals(rule.name())).findFirst().orElse(null);
        if (fired != null) {
            return new ExceptionNode(rule.name(), rule.file(), rule.line(), rule.provision(), "FIRED", step(fired, ex),
                    "all its conditions were met, so it lifted the prohibition", List.of(), List.of(), List.of(),
                    openFacts);
        }
        List<RuleText.Line> conditions = ruleText.conditions(rule);
        String text = String.join("\n", conditions.stream().map(RuleText.Line::text).toList());
        boolean blocked = ex.blocked().stream().anyMatch(b -> b.rule().equals(rule.name()));
        String status = blocked ? "NOT_IN_FORCE" : "DID_NOT_FIRE";
        String why = blocked
                ? "its conditions were met, but provision " + rule.provision() + " was not in force on the date"
                : "at least one of its conditions was not met; the engine does not record which, so the terms and "
                + "facts its conditions read are listed to check by hand"
                + (openFacts.isEmpty() ? "" : ", with the missing facts that could still make it apply");
        return new ExceptionNode(rule.name(), rule.file(), rule.line(), rule.provision(), status, null, why,
                conditions.stream().map(RuleText.Line::toString).toList(), terms(text, ex), factsRead(text, ex.act(), person),
                openFacts);
    }

    /** Each legal term the conditions name, and whether it holds for the act. */
    private static List<String> terms(String conditions, ActExplanation ex) {
        Set<String> named = new LinkedHashSet<>();
        Matcher m = TERM.matcher(conditions);
        while (m.find()) {
            named.add(m.group(1));
        }
        List<String> result = new ArrayList<>();
        for (String term : named) {
            String by = ex.conclusions().stream()
                    .filter(o -> o instanceof Established e && e.term().name().equals(term))
                    .map(o -> "\"" + ((Established) o).rule() + "\"").findFirst().orElse(null);
            String needs = ex.conclusions().stream()
                    .filter(o -> o instanceof Undetermined u && u.term().name().equals(term))
                    .map(o -> ((Undetermined) o).fact()).findFirst().orElse(null);
            result.add(term + ": " + (by != null ? "established by " + by
                    : needs != null ? "not known (needs " + needs + ")" : "not established"));
        }
        return result;
    }

    /** The act and person fields the conditions name, with their values. */
    private static List<String> factsRead(String conditions, Act act, Person person) {
        Set<String> result = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(conditions.replaceAll("\"[^\"]*\"", ""));
        while (m.find()) {
            String name = m.group(1);
            String actValue = FactText.field(act, name);
            if (actValue != null && !name.equals("id")) {
                result.add("act." + name + " = " + actValue);
                continue;
            }
            String personValue = person == null ? null : FactText.field(person, name);
            if (personValue != null) {
                result.add("person." + name + " = " + personValue);
            }
        }
        return List.copyOf(result);
    }

    private List<NotInForce> notInForce(ActExplanation ex) {
        Set<String> seen = new LinkedHashSet<>();
        List<NotInForce> result = new ArrayList<>();
        for (Firing b : ex.blocked()) {
            if (!seen.add(b.rule())) {
                continue;
            }
            RuleInfo info = ruleSet.rules().get(b.rule());
            String provision = info == null ? null : info.provision();
            Provision p = provision == null ? null : ruleSet.provisions().find(provision).orElse(null);
            String inForce = p == null ? "not in the register"
                    : "in force " + p.from() + (p.to() == null ? " onward" : " to " + p.to());
            result.add(new NotInForce(b.rule(), info == null ? null : info.file(), info == null ? 0 : info.line(),
                    provision, inForce));
        }
        return result;
    }

    private Step step(Finding f, ActExplanation ex) {
        RuleInfo info = ruleSet.rules().get(f.rule());
        Set<String> matched = new LinkedHashSet<>();
        ex.fired().stream().filter(firing -> firing.rule().equals(f.rule()))
                .forEach(firing -> firing.facts().forEach(o -> matched.add(FactText.describe(o))));
        return new Step(f.rule(), info == null ? null : info.file(), info == null ? 0 : info.line(), f.provision(),
                f.citation(), f.effect(), f.explanation(), List.copyOf(matched));
    }
}
