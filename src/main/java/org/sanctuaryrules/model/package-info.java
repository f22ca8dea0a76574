/**
 * <b>API.</b> The facts a case is made of: a {@link org.sanctuaryrules.model.Case} holds a
 * {@link org.sanctuaryrules.model.Person} and the {@link org.sanctuaryrules.model.Act}s of city agencies to judge,
 * each with its {@link org.sanctuaryrules.model.Request}; a person has {@link org.sanctuaryrules.model.Conviction}s.
 * All are immutable records and enums.
 *
 * <p>A fact not given is <em>unknown</em>, not false: a {@code null} component (or one left unset on a builder) makes
 * the rules that need it report the act as indeterminate and name the fact, rather than guess. Build records from
 * Java with {@link org.sanctuaryrules.model.Person#builder()}, {@link org.sanctuaryrules.model.Act#builder} and
 * {@link org.sanctuaryrules.model.Conviction#builder(String)}: their canonical constructors list every fact in
 * order and are kept for the scenario reader, but a new fact adds a component, so code that calls them breaks where
 * code that uses the builders does not.
 *
 * <p>Rule files import these types, and rule code may call every method of them; so the package holds only pure,
 * immutable values (checked by {@code PurePackagesTest}). See {@code docs/api.md}.
 */
package org.sanctuaryrules.model;
