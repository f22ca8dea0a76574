package org.sanctuaryrules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/** The register of provisions: citation, title and dates in force for every id a rule can cite. */
public final class ProvisionRegister {
    public static final String FILE_NAME = "provisions.yaml";

    private final Map<String, Provision> byId;

    private ProvisionRegister(Map<String, Provision> byId) {
        this.byId = byId;
    }

    public Optional<Provision> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every provision; unmodifiable (rules may read the register, which all acts share). */
    public Collection<Provision> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Whether the provision is in force on the date; an id not in the register is never in force. */
    public boolean inForce(String id, LocalDate date) {
        Provision p = byId.get(id);
        return p != null && p.inForceOn(date);
    }

    /** Parses the register strictly ({@link RegisterReader}); every problem names the file, line and column. */
    static ProvisionRegister parse(String fileName, String yaml, List<Problem> problems) {
        Map<String, Provision> byId = new LinkedHashMap<>();
        RegisterReader.read(fileName, yaml, problems).forEach(p -> byId.put(p.id(), p));
        return new ProvisionRegister(byId);
    }

    /** For tests and the library: a register built from provisions directly. */
    public static ProvisionRegister of(List<Provision> provisions) {
        Map<String, Provision> byId = new LinkedHashMap<>();
        new ArrayList<>(provisions).forEach(p -> byId.put(p.id(), p));
        return new ProvisionRegister(byId);
    }
}
