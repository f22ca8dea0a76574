package org.sanctuaryrules.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A CSV log: a header row naming columns of {@link CsvColumns} in any order, then one act per row. */
public final class CsvParser extends LineParser {
    private final List<CsvColumns.Column> header;

    private CsvParser(List<CsvColumns.Column> header) {
        this.header = header;
    }

    /** A parser for the rows under this header; an unknown or repeated column makes the whole file unreadable. */
    public static CsvParser forHeader(String headerLine) {
        List<String> names = split(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
        if (names == null) {
            throw new IllegalArgumentException("the header row has an unclosed quote");
        }
        List<CsvColumns.Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            CsvColumns.Column column = CsvColumns.named(name);
            if (column == null) {
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
        List<String> cells = split(text);
        if (cells == null) {
            return Parsed.bad("", "a quoted cell is not closed (a row must fit on one line)");
        }
        if (cells.size() != header.size()) {
            return Parsed.bad("", "the row has " + cells.size() + " cells, the header " + header.size());
        }
        return load(lineNumber, CsvColumns.toDocument(header, cells));
    }

    /** RFC 4180 cells of one line ({@code ""} inside quotes is a quote); null if a quote is left open. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    /** One CSV line of cells, quoted where needed. */
    static String join(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                line.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0) {
                line.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }
}
