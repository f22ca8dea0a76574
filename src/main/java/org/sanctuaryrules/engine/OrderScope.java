package org.sanctuaryrules.engine;

import java.util.Set;

import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

/**
 * Whom and what an executive order covers, as the register records it: the outside bodies it names and the purposes
 * it allows. An act outside the scope cannot rely on the order.
 *
 * @param bodies   the bodies the order covers (empty: the register does not say)
 * @param purposes the purposes it allows (empty: the register does not say)
 */
public record OrderScope(Set<Requester> bodies, Set<Purpose> purposes) {
    public OrderScope {
        bodies = bodies == null ? Set.of() : Set.copyOf(bodies);
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    public boolean covers(Requester body) {
        return bodies.contains(body);
    }

    public boolean allows(Purpose purpose) {
        return purposes.contains(purpose);
    }
}
