package org.sanctuaryrules.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The person an act is about. A {@code null} field means "not known": rules that need it report the act as
 * indeterminate and name the field, rather than guessing.
 *
 * @param roles                      how the person stands toward the city (victim, inmate, …)
 * @param convictions                the records search; {@code null} if no search result is given, empty if it found none
 * @param pendingCharges             charges not yet decided (never count as convictions)
 * @param terroristScreeningMatch    a possible match in the terrorist screening database
 * @param reenteredAfterRemoval      illegally re-entered after a previous removal or return
 * @param currentArrestDate          date of the arrest that led to the current custody (anchors the five-year look-back)
 * @param writtenConsent             the person authorized the disclosure in writing
 */
public record Person(
        Set<PersonRole> roles,
        List<Conviction> convictions,
        List<String> pendingCharges,
        Boolean terroristScreeningMatch,
        Boolean reenteredAfterRemoval,
        LocalDate currentArrestDate,
        Boolean writtenConsent) {

    public Person {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        convictions = convictions == null ? null : List.copyOf(convictions);
        pendingCharges = pendingCharges == null ? List.of() : List.copyOf(pendingCharges);
    }

    /** A person about whom nothing is known. */
    public static Person unknown() {
        return new Person(Set.of(), null, List.of(), null, null, null, null);
    }

    public boolean hasRole(PersonRole role) {
        return roles.contains(role);
    }

    /** True when a records search was done (even if it found nothing). */
    public boolean convictionsKnown() {
        return convictions != null;
    }
}
