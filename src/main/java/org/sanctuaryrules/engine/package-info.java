/**
 * <b>API.</b> The engine and its results. Build a {@link org.sanctuaryrules.engine.SanctuaryEngine} once
 * ({@link org.sanctuaryrules.engine.SanctuaryEngine#shipped()}, {@code fromDirectory}, or
 * {@link org.sanctuaryrules.engine.SanctuaryEngine#of(RuleSet)} a {@link org.sanctuaryrules.engine.RuleSet}) and share
 * it: it is immutable and thread-safe. {@code assess} gives an {@link org.sanctuaryrules.engine.Assessment}: the
 * case's {@link org.sanctuaryrules.engine.Verdict}, and per act an {@link org.sanctuaryrules.engine.ActAssessment} with
 * its {@link org.sanctuaryrules.engine.Finding}s (rule, provision, citation, {@link org.sanctuaryrules.engine.Effect},
 * explanation, notes and assumptions), the facts whose absence leaves it open, and the
 * {@link org.sanctuaryrules.engine.PolicyOutcome} of department policy. {@code explain} adds what each rule matched
 * ({@link org.sanctuaryrules.engine.Explanation}). {@code assessAll} judges a batch, on the common pool or on an
 * {@link java.util.concurrent.Executor} of yours. {@link org.sanctuaryrules.engine.ReloadableEngine} swaps rule sets
 * under load.
 *
 * <p>Rule sets that do not load throw {@link org.sanctuaryrules.engine.RuleSetException} with one
 * {@link org.sanctuaryrules.engine.Problem} per error (file, line, column, message); an act that runs past its
 * budget throws {@link org.sanctuaryrules.engine.RuleLimitException}.
 *
 * <p>Rule files also use {@link org.sanctuaryrules.engine.ProvisionRegister}, {@link
 * org.sanctuaryrules.engine.Provision},
 * {@link org.sanctuaryrules.engine.OrderScope}, {@link org.sanctuaryrules.engine.FelonyList} and
 * {@link org.sanctuaryrules.engine.LookBack} (as globals and in functions), so those keep their names too.
 * A rule set is read from files: {@link org.sanctuaryrules.engine.RuleSources} finds them
 * ({@link org.sanctuaryrules.engine.SourceFile}s), {@link org.sanctuaryrules.engine.RuleOverlay} lays a variant over a
 * base, {@link org.sanctuaryrules.engine.RuleSetOptions} says whether the safety checks apply, and
 * {@link org.sanctuaryrules.engine.JudgingLimits} bounds each act; a loaded set lists its rules
 * ({@link org.sanctuaryrules.engine.RuleInfo}).
 *
 * <p>{@link org.sanctuaryrules.engine.RuleGuard} is public only because the generated rule classes call it: it is not
 * API. The compiler, the checks and the readers behind all this are package-private. See {@code docs/api.md}.
 */
package org.sanctuaryrules.engine;
