/**
 * <b>Not API: the decision service</b> ({@code sanctuary-rules serve}), on Javalin (Jetty) with Micrometer's
 * Prometheus registry. Like the command line it ships only in the runnable shaded jar (classifier {@code cli}), not
 * in the library jar, so a library consumer gets neither it nor its HTTP server; its endpoints are documented in
 * {@code docs/service.md} and {@code docs/openapi.json}, its classes are not.
 */
package org.sanctuaryrules.service;
