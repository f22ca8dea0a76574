/**
 * <b>Internal: not API.</b> Auditing a log of acts (JSON Lines or CSV) in bounded memory on several threads, and the
 * decision log.
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.audit;
