package org.sanctuaryrules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

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

    public Collection<Provision> all() {
        return byId.values();
    }

    /** Whether the provision is in force on the date; an id not in the register is never in force. */
    public boolean inForce(String id, LocalDate date) {
        Provision p = byId.get(id);
        return p != null && p.inForceOn(date);
    }

    private record Entry(String id, String citation, String title, LocalDate from, LocalDate to,
                         Boolean unverified, String note, Binding binding, ScopeEntry scope) {
    }

    private record ScopeEntry(List<Requester> bodies, List<Purpose> purposes) {
    }

    /** Parses the register; every problem names the file and line. */
    static ProvisionRegister parse(String fileName, String yaml, List<Problem> problems) {
        ObjectMapper mapper = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        Entry[] entries;
        try {
            entries = mapper.readValue(yaml, Entry[].class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(Problem.error(fileName, line, 0, "", e.getOriginalMessage()));
            return new ProvisionRegister(Map.of());
        }
        Map<String, Provision> byId = new LinkedHashMap<>();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; entries != null && i < entries.length; i++) {
            Entry e = entries[i];
            int line = lineOf(lines, e == null ? null : e.id());
            if (e == null || e.id() == null || e.citation() == null || e.from() == null) {
                problems.add(Problem.error(fileName, line, 0, "[" + i + "]",
                        "every provision needs id, citation and from"));
                continue;
            }
            if (e.to() != null && e.to().isBefore(e.from())) {
                problems.add(Problem.error(fileName, line, 0, e.id() + ".to", "ends before it starts"));
            }
            if (byId.containsKey(e.id())) {
                problems.add(Problem.error(fileName, line, 0, e.id(), "provision id listed twice"));
            }
            OrderScope scope = e.scope() == null ? null : new OrderScope(
                    e.scope().bodies() == null ? null : Set.copyOf(e.scope().bodies()),
                    e.scope().purposes() == null ? null : Set.copyOf(e.scope().purposes()));
            byId.put(e.id(), new Provision(e.id(), e.citation(), e.title() == null ? "" : e.title(), e.from(), e.to(),
                    Boolean.TRUE.equals(e.unverified()), e.note(), e.binding(), scope));
        }
        return new ProvisionRegister(byId);
    }

    private static int lineOf(List<String> lines, String id) {
        if (id == null) {
            return 0;
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("id:") && l.contains(id)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** For tests and the library: a register built from provisions directly. */
    public static ProvisionRegister of(List<Provision> provisions) {
        Map<String, Provision> byId = new LinkedHashMap<>();
        new ArrayList<>(provisions).forEach(p -> byId.put(p.id(), p));
        return new ProvisionRegister(byId);
    }
}
