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
 */
public record Provision(String id, String citation, String title, LocalDate from, LocalDate to,
                        boolean unverified, String note) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
