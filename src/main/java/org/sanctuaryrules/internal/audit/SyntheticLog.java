package org.sanctuaryrules.internal.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes realistic synthetic audit logs for tests and benchmarks: one act per line, drawn from the families the
 * shipped rules judge (detainer holds and notices, custody transfers, record sharing, facility access, task
 * forces, status questions), with facts left out at realistic rates so that every verdict occurs. The same seed
 * gives the same acts in JSON Lines and in CSV. {@code malformedEvery} > 0 spoils every n-th line.
 */
public final class SyntheticLog {
    private static final String[] AGENCIES = {"nypd", "doc", "probation", "other_city_agency"};
    private static final String[] KINDS = {"hold_past_release", "notify_release", "transfer_custody", "share_record",
            "disclose_immigration_status", "ask_immigration_status", "allow_access", "operational_support",
            "join_task_force", "disclose_court_date"};
    private static final String[] REQUESTERS = {"ice_ero", "ice_ero", "ice_hsi", "ice", "cbp", "dhs_other", "fbi",
            "joint_task_force", "state_agency"};
    private static final String[] INSTRUMENTS = {"detainer", "administrative_warrant", "judicial_warrant",
            "judicial_order", "criminal_process"};
    private static final String[] PURPOSES = {"civil_immigration_enforcement", "criminal_investigation",
            "agency_mission", "immigration_entry_crime"};
    private static final String[] INFORMATION = {"arrest_record", "conviction_record", "address", "release_date",
            "immigration_status", "court_date"};
    private static final String[] OFFENSES = {"160.15", "160.10", "120.05", "155.25", "220.39", "265.03", "130.35"};
    private static final String[] PLACES = {"doc_property", "city_property", "courthouse", "elsewhere"};
    private static final String[] ROLES = {"inmate", "arrestee", "defendant", "probationer", "victim", "witness"};

    private final Random random;
    private final int malformedEvery;
    private final ObjectMapper json = new ObjectMapper();

    public SyntheticLog(long seed, int malformedEvery) {
        this.random = new Random(seed);
        this.malformedEvery = malformedEvery;
    }

    /** Writes {@code lines} lines (plus the header for CSV). */
    public void write(LogFormat format, long lines, Writer out) throws IOException {
        if (format == LogFormat.CSV) {
            out.write(String.join(",", CsvColumns.names()));
            out.write('\n');
        }
        for (long i = 1; i <= lines; i++) {
            ObjectNode doc = next(i);
            String line = format == LogFormat.CSV ? CsvParser.join(CsvColumns.toCells(doc)) : json.writeValueAsString(doc);
            if (malformedEvery > 0 && i % malformedEvery == 0) {
                line = spoil(line, format);
            }
            out.write(line);
            out.write('\n');
        }
        out.flush();
    }

    /** A bad agency: the same field is wrong in either format, so both report it. */
    private static String spoil(String line, LogFormat format) {
        return format == LogFormat.CSV ? line.replaceFirst(",(nypd|doc|probation|other_city_agency),", ",police,")
                : line.replaceFirst("\"agency\":\"[a-z_]+\"", "\"agency\":\"police\"");
    }

    /** The scenario document of line {@code n}. */
    ObjectNode next(long n) {
        ObjectNode doc = json.createObjectNode();
        LocalDate date = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(12 * 365));
        doc.put("id", "c" + n);
        doc.put("date", date.toString());
        ObjectNode person = doc.putObject("person");
        person.putArray("roles").add(pick(ROLES));
        if (random.nextInt(10) > 0) { // 10% without a records search
            ArrayNode convictions = person.putArray("convictions");
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ObjectNode c = convictions.addObject();
                c.put("offense", pick(OFFENSES));
                c.put("level", random.nextInt(5) == 0 ? "misdemeanor" : "felony");
                c.put("judgment_date", date.minusDays(200 + random.nextInt(9 * 365)).toString());
            }
        }
        maybeBool(person, "terrorist_screening_match", 8, 50);
        maybeBool(person, "reentered_after_removal", 5, 10);
        if (random.nextInt(4) > 0) {
            person.put("current_arrest_date", date.minusDays(random.nextInt(60)).toString());
        }
        ObjectNode request = doc.putObject("request");
        request.put("from", pick(REQUESTERS));
        ArrayNode instruments = request.putArray("instruments");
        instruments.add(random.nextInt(4) == 0 ? pick(INSTRUMENTS) : "detainer");
        if (random.nextInt(3) == 0) {
            String second = pick(INSTRUMENTS);
            if (!second.equals(instruments.get(0).asText())) {
                instruments.add(second);
            }
        }
        request.put("stated_purpose", pick(PURPOSES));
        ObjectNode act = doc.putArray("acts").addObject();
        act.put("id", "a" + n);
        String kind = pick(KINDS);
        act.put("agency", pick(AGENCIES));
        act.put("kind", kind);
        switch (kind) {
            case "hold_past_release" -> {
                if (random.nextBoolean()) {
                    act.put("hold_hours", 12 + random.nextInt(60));
                }
            }
            case "share_record", "disclose_immigration_status", "disclose_court_date" -> {
                act.putArray("information").add(pick(INFORMATION));
                maybeBool(act, "record_sealed", 3, 30);
                maybeBool(act, "privacy_officer_approval", 3, 30);
            }
            case "allow_access" -> {
                act.put("place", pick(PLACES));
                maybeBool(act, "non_public_area", 4, 60);
                maybeBool(act, "exigent_circumstances", 3, 10);
            }
            default -> maybeBool(act, "agreement", 3, 40);
        }
        maybeBool(act, "required_by_law", 3, 10);
        return doc;
    }

    /** Leaves the key out one time in {@code unknownOneIn}, else true with {@code truePercent}% chance. */
    private void maybeBool(ObjectNode node, String key, int unknownOneIn, int truePercent) {
        if (random.nextInt(unknownOneIn) > 0) {
            node.put(key, random.nextInt(100) < truePercent);
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
