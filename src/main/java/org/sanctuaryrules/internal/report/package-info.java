/**
 * <b>Internal: not API.</b> The reports of the command line: text, JSON, JUnit XML and HTML for runs, and the output
 * of check, explain, coverage and compare.
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.report;
