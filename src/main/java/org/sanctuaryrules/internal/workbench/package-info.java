/**
 * <b>Internal: not API.</b> The analyst's workbench behind check, explain and coverage: rule-set lint, explanation
 * trees, rule coverage.
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.workbench;
