/**
 * <b>Internal: not API.</b> Text helpers shared by the engine, the scenario reader and the reports: escaping of hidden
 * characters, typo suggestions, places in YAML.
 *
 * <p>Public types here are public only so that other packages of this project can use them; they may change or go
 * in any release. See {@code docs/api.md}.
 */
package org.sanctuaryrules.internal.text;
