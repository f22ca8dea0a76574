/**
 * <b>Internal: not API.</b> Re-running scenarios on every save of a rule, data or scenario file (run --watch).
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.watch;
