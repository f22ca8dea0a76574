package org.sanctuaryrules.engine;

import java.time.LocalDate;

/**
 * One entry of the provision register ({@code rules/provisions.yaml}).
 *
 * @param id          the id rules cite in {@code @provision}
 * @param citation    how a lawyer cites it
 * @param title       what it is about
 * @param from        first day in force
 * @param to          last day in force, or {@code null} if still in force
 * @param unverified  whether the digest marks the provision (or the point encoded) as unverified
 * @param note        interpretation note shown with every finding that cites the provision, or {@code null}
 * @param binding     law (decides the verdict) or department policy (decides the policy outcome only)
 * @param scope       for an executive order, the bodies and purposes it covers; {@code null} if not recorded
 */
public record Provision(String id, String citation, String title, LocalDate from, LocalDate to,
                        boolean unverified, String note, Binding binding, OrderScope scope) {

    public Provision {
        binding = binding == null ? Binding.LAW : binding;
    }

    /** A provision of law with no recorded scope. */
    public Provision(String id, String citation, String title, LocalDate from, LocalDate to, boolean unverified,
                     String note) {
        this(id, citation, title, from, to, unverified, note, Binding.LAW, null);
    }

    /** Whether the provision binds only a department's members (its breaches are not violations of law). */
    public boolean departmentPolicy() {
        return binding == Binding.DEPARTMENT_POLICY;
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
