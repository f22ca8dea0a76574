/**
 * <b>Internal: not API.</b> Comparing two rule sets over the same scenarios (the compare command).
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.whatif;
