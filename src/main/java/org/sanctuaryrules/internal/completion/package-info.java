/**
 * <b>Internal: not API.</b> The completion oracle: checks that a verdict reached with facts missing holds for every
 * way of filling them in, and that INDETERMINATE names the facts that change it (docs/indeterminate.md). Used by the
 * tests, and by {@code org.sanctuaryrules.settle} (its vocabulary of facts and their completions).
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.completion;
