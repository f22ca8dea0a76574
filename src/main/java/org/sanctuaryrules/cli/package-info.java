/**
 * <b>Not API: the command line</b> ({@code java -jar target/sanctuary-rules.jar}), built on picocli. It ships only in
 * the runnable shaded jar (classifier {@code cli}) with its logging backend, not in the library jar; its commands,
 * options, output and exit codes are documented in the README and {@code docs/}, its classes are not.
 */
package org.sanctuaryrules.cli;
