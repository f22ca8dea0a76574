/**
 * <b>API.</b> Scenario files: {@link org.sanctuaryrules.scenario.ScenarioLoader} reads a YAML file into a
 * {@link org.sanctuaryrules.scenario.LoadResult} (the {@link org.sanctuaryrules.scenario.Scenario}, whose
 * {@code aCase()} is the model's case, or the problems with file, line and field), never throwing on bad input.
 * {@link org.sanctuaryrules.scenario.ScenarioRunner} judges scenarios and checks each against its
 * {@link org.sanctuaryrules.scenario.Expectation}, giving {@link org.sanctuaryrules.scenario.ScenarioResult}s in a
 * {@link org.sanctuaryrules.scenario.RunReport}; {@link org.sanctuaryrules.scenario.ScenarioFiles} loads what a list
 * of files and folders holds, {@link org.sanctuaryrules.scenario.ScenarioIds} finds ids used twice, and
 * {@link org.sanctuaryrules.scenario.FieldPath} names a place in a file ({@code acts[0].agency}).
 * The format itself: {@code docs/scenario-format.md}. See {@code docs/api.md}.
 */
package org.sanctuaryrules.scenario;
