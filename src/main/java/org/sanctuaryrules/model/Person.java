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

    /** Builds a person from Java code; every fact not set stays "not known" (no roles, no pending charges). */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link #builder()}. */
    public static final class Builder {
        private Set<PersonRole> roles = Set.of();
        private List<Conviction> convictions;
        private List<String> pendingCharges = List.of();
        private Boolean terroristScreeningMatch;
        private Boolean reenteredAfterRemoval;
        private LocalDate currentArrestDate;
        private Boolean writtenConsent;

        private Builder() {
        }

        public Builder roles(PersonRole... values) { roles = Set.of(values); return this; }
        /** The records search found these convictions; {@code convictions()} with none: it found nothing. */
        public Builder convictions(Conviction... values) { convictions = List.of(values); return this; }
        public Builder convictions(List<Conviction> values) { convictions = values; return this; }
        public Builder pendingCharges(String... values) { pendingCharges = List.of(values); return this; }
        public Builder terroristScreeningMatch(Boolean value) { terroristScreeningMatch = value; return this; }
        public Builder reenteredAfterRemoval(Boolean value) { reenteredAfterRemoval = value; return this; }
        public Builder currentArrestDate(LocalDate value) { currentArrestDate = value; return this; }
        public Builder writtenConsent(Boolean value) { writtenConsent = value; return this; }

        public Person build() {
            return new Person(roles, convictions, pendingCharges, terroristScreeningMatch, reenteredAfterRemoval,
                    currentArrestDate, writtenConsent);
        }
    }
}
