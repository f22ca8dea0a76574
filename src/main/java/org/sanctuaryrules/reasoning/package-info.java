/**
 * <b>API for rule authors.</b> What rules conclude and the helpers their consequences call: a consequence records a
 * {@link org.sanctuaryrules.reasoning.Prohibition}, a {@link org.sanctuaryrules.reasoning.Lifted} exception, a
 * {@link org.sanctuaryrules.reasoning.Permitted} act, an {@link org.sanctuaryrules.reasoning.Established} defined
 * {@link org.sanctuaryrules.reasoning.Term}, an {@link org.sanctuaryrules.reasoning.Unknown} fact or a
 * {@link org.sanctuaryrules.reasoning.Note} through {@link org.sanctuaryrules.reasoning.Conclude}, with explanations
 * built by {@link org.sanctuaryrules.reasoning.Phrases}.
 *
 * <p>The rule files under {@code rules/} import this package, and the classes Drools generates from them call it, so
 * its types stay public and keep their names. Services embedding the engine do not need it: they read
 * {@link org.sanctuaryrules.engine.Finding}s. Like the model, it holds only pure values (checked by
 * {@code PurePackagesTest}). See {@code docs/api.md}.
 */
package org.sanctuaryrules.reasoning;
