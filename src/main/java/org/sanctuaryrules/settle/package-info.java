/**
 * What would settle an act, or make it lawful: {@link org.sanctuaryrules.settle.Settler} builds, for each
 * INDETERMINATE act, a settle table (the values of the missing facts that decide it, most decisive first) and, for
 * each VIOLATION, the changes to facts in the agency's control that would make it COMPLIANT; both computed by judging
 * completions of the act with the engine, within {@link org.sanctuaryrules.settle.SettleLimits}.
 * {@link org.sanctuaryrules.settle.Interview} asks for the missing facts one at a time. See {@code docs/settle.md}.
 */
package org.sanctuaryrules.settle;
