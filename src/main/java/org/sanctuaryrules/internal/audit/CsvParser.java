package org.sanctuaryrules.internal.audit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV log: a header row naming columns of {@link CsvColumns} in any order, then one act per row. Each row is read
 * with Apache Commons CSV, the parser the felony list is read with (RFC 4180: quoted cells, {@code ""} for a quote
 * inside one, spaces around a quoted cell ignored); the {@link LogReader} has already split the file into lines
 * (any line ending) and dropped a byte-order mark, so a row must fit on one line and a bad row spoils only itself.
 * Messages name the column, never a cell's text: logs hold personal data.
 */
public final class CsvParser extends LineParser {
    /** No comments, no empty-line skipping (the auditor skips blank lines itself, counting them). */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

    private final List<CsvColumns.Column> header;

    private CsvParser(List<CsvColumns.Column> header) {
        this.header = header;
    }

    /** A parser for the rows under this header; an unknown or repeated column makes the whole file unreadable. */
    public static CsvParser forHeader(String headerLine) {
        List<String> names = cells(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
        if (names == null) {
            throw new IllegalArgumentException("the header row is not CSV: a quoted name is not closed, or has text "
                    + "after its closing quote");
        }
        List<CsvColumns.Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            CsvColumns.Column column = CsvColumns.named(name);
            if (column == null) {
                // A header names columns, not people: quoting it helps and leaks nothing.
                throw new IllegalArgumentException("unknown column '" + name + "' in the header; the columns are "
                        + String.join(", ", CsvColumns.names()));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' appears twice in the header");
            }
            columns.add(column);
        }
        for (String required : List.of("date", "agency", "kind")) {
            if (!seen.contains(required)) {
                throw new IllegalArgumentException("the header has no '" + required + "' column");
            }
        }
        return new CsvParser(List.copyOf(columns));
    }

    @Override
    public Parsed parse(long lineNumber, String text) {
        List<String> cells = cells(text);
        if (cells == null) {
            return Parsed.bad("", "not a CSV row: a quoted cell is not closed, or has text after its closing quote "
                    + "(a row must fit on one line; a quote inside a quoted cell is written twice: \"\")");
        }
        if (cells.size() != header.size()) {
            return Parsed.bad("", "the row has " + cells.size() + " cells, the header " + header.size());
        }
        return load(lineNumber, CsvColumns.toDocument(header, cells));
    }

    /** The cells of one line, or null when it is not one CSV record. */
    static List<String> cells(String line) {
        try (var parser = FORMAT.parse(new StringReader(line))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of("");
            }
            List<String> cells = records.next().toList();
            return records.hasNext() ? null : cells; // a second record: a line break inside quotes cannot be here
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null; // Commons CSV's message quotes the position only, but the cause is the same either way
        }
    }

    /** One CSV line of cells, quoted where needed. */
    static String join(List<String> cells) {
        return FORMAT.format(cells.toArray());
    }
}
