package org.sanctuaryrules.settle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.scenario.ScenarioEdits;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * Asks for a case's missing facts one at a time, most decisive first, until every act is settled. Each question is
 * the first split of the act's settle table (see {@link Settler}), with what each value would lead to; after each
 * answer the table is built again for the case as answered.
 *
 * <p>A records search ({@code person.convictions}) is asked like any other fact when it is the most decisive: the
 * options show what the table's sample records lead to, but the answer is the person's own records, typed as the file
 * writes them ({@code none}, {@code []}, {@code {offense: "160.15", level: felony, judgment_date: 2017-03-03}}, or a
 * list {@code [{…}, {…}]}), read and checked by {@link ScenarioLoader#readConvictions} (no judgment after the case's
 * earliest act). Only {@code offense} is required: what the records leave out (a level, a release) is asked next, as
 * the records' own facts ({@code person.convictions[0].release_date}), when it matters.
 *
 * <p>Not thread-safe: one interview is one conversation. It holds no terminal: the caller reads the answers (from a
 * terminal, a file, standard input) and passes them to {@link #answer}.
 */
public final class Interview {
    /** A value the fact may take and what it would lead to ({@code VIOLATION (CPL § 160.50)}, {@code then it turns on …}). */
    public record Option(String value, String leadsTo) {
    }

    /**
     * A question.
     *
     * @param actId   the act it is for (a fact of the person is asked once, for every act)
     * @param fact    the fact, with a conviction's position: {@code person.convictions[0].judgment_date}
     * @param field   the scenario key as the engine names it: {@code person.convictions[].judgment_date}
     * @param allowed what an answer may be, in words
     * @param options the values the table tries, each with what it leads to
     * @param why     why the engine says the fact matters, when a rule says so; else null
     */
    public record Question(String actId, String fact, String field, String allowed, List<Option> options, String why) {
        public Question {
            options = List.copyOf(options);
        }
    }

    /**
     * An answer, as the scenario file would hold it.
     *
     * @param path  where it goes in the file: keys and list positions from the top ({@code acts, 0, record_sealed})
     * @param value the value as the file writes it; records found are a block list, one line per key
     *              ({@link ScenarioEdits#convictionsValue}: {@code - offense: "160.15"\n  level: felony})
     */
    public record Answer(String fact, List<Object> path, String value) {
        public Answer {
            path = List.copyOf(path);
        }
    }

    private final SanctuaryEngine engine;
    private final Settler settler;
    private final LocalDate asOf;
    private Case current;
    private final List<Answer> answers = new ArrayList<>();
    /** Facts skipped, as {@code actId/fact} for an act's fact and {@code /fact} for the person's. */
    private final Set<String> skipped = new HashSet<>();
    private Pending pending;

    private record Pending(int act, Fact fact, Question question) {
    }

    public Interview(SanctuaryEngine engine, SettleLimits limits, Case aCase, LocalDate asOf) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settler = new Settler(engine, limits);
        this.current = Objects.requireNonNull(aCase, "aCase");
        this.asOf = asOf;
    }

    /** The case with every answer so far. */
    public Case current() {
        return current;
    }

    /** The answers so far, in the order given. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The question to ask now, or null when every act is settled or nothing more can be asked. */
    public Question next() {
        if (pending != null) {
            return pending.question();
        }
        for (int i = 0; i < current.acts().size(); i++) {
            Situation s = situation(i);
            int act = i;
            Tree.Node root = settler.tree(s, asOf, f -> !skipped.contains(skipKey(act, f)));
            if (root instanceof Tree.Split split) {
                pending = new Pending(i, split.fact(), question(s, split));
                return pending.question();
            }
        }
        return null;
    }

    /** What settled acts get now: the settle table of the case as answered (open lines where facts are left). */
    public Settlement settlement() {
        return settler.settle(current, asOf);
    }

    /**
     * Answers the current question.
     *
     * @throws IllegalArgumentException saying what is allowed, when the answer is not a value of the fact (the
     *                                  question stays)
     * @throws IllegalStateException    when there is no question
     */
    public void answer(String text) {
        Pending p = requirePending();
        Situation s = situation(p.act());
        Object value = FactValues.parse(p.fact(), s, text, judgedBy());
        Situation answered;
        try {
            answered = p.fact().with(s, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the answer for " + p.fact().field() + " does not fit the rest of the case: "
                    + e.getMessage());
        }
        List<Act> acts = new ArrayList<>(current.acts());
        acts.set(p.act(), answered.act());
        current = new Case(current.id(), current.date(), answered.person(), acts);
        answers.add(new Answer(p.fact().toString(), path(p.act(), p.fact(), value), yaml(p.fact(), value)));
        pending = null;
    }

    /** Leaves the current question's fact not known, and asks no more about it. */
    public void skip() {
        Pending p = requirePending();
        skipped.add(skipKey(p.act(), p.fact()));
        pending = null;
    }

    private Pending requirePending() {
        if (pending == null && next() == null) {
            throw new IllegalStateException("no question is open");
        }
        return pending;
    }

    /** The date no conviction's judgment may be after: the earliest act's, as the file's loader checks it. */
    private LocalDate judgedBy() {
        return current.acts().stream().map(Act::date).min(LocalDate::compareTo).orElse(current.date());
    }

    private Situation situation(int act) {
        return new Situation(current.person(), current.acts().get(act));
    }

    private String skipKey(int act, Fact f) {
        return (f.where() == Fact.Where.ACT ? current.acts().get(act).id() : "") + "/" + f;
    }

    private Question question(Situation s, Tree.Split split) {
        Fact fact = split.fact();
        List<Option> options = new ArrayList<>();
        for (Tree.Branch b : split.branches()) {
            String leads = Tree.leadsTo(b.node());
            for (Object v : b.values()) {
                options.add(new Option(FactValues.text(fact, v), leads));
            }
        }
        return new Question(s.act().id(), fact.toString(), fact.field(), FactValues.allowed(fact, s, judgedBy()),
                options, why(s, fact));
    }

    /** The explanation of the rule that names the fact as missing, if one does. */
    private String why(Situation s, Fact fact) {
        ActAssessment a = engine.assess(s.asCase("interview"), asOf).acts().get(0);
        return a.findings().stream().filter(f -> fact.field().equals(f.missingFact())).map(Finding::explanation)
                .findFirst().orElse(null);
    }

    private static List<Object> path(int act, Fact f, Object value) {
        String key = value == Fact.NOT_INCARCERATED ? "incarcerated" : FactValues.key(f);
        return switch (f.where()) {
            case ACT -> List.of("acts", act, key);
            case PERSON -> List.of("person", key);
            case CONVICTION -> List.of("person", "convictions", f.conviction(), key);
        };
    }

    @SuppressWarnings("unchecked")
    private static String yaml(Fact f, Object value) {
        if (f.component().equals("convictions")) {
            return ScenarioEdits.convictionsValue((List<Conviction>) value);
        }
        return value == Fact.NOT_INCARCERATED ? "false" : FactValues.text(f, value);
    }
}
