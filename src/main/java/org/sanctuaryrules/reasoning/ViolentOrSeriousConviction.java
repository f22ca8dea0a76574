package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Conviction;

/** A conviction that counts as a conviction for a violent or serious crime, before the look-back is applied. */
public record ViolentOrSeriousConviction(Conviction conviction, String rule) {
}
