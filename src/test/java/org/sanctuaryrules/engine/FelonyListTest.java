package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.engine.FelonyList.Listing;

class FelonyListTest {

    private static FelonyList shipped(List<Problem> problems) throws IOException {
        return FelonyList.parse("rules/" + FelonyList.FILE_NAME,
                Files.readString(Path.of("rules", FelonyList.FILE_NAME)), problems);
    }

    @Test
    void theShippedListParsesCleanlyAndHoldsTheDigestSections() throws IOException {
        List<Problem> problems = new ArrayList<>();
        FelonyList list = shipped(problems);
        assertEquals(List.of(), problems);
        assertEquals(153, list.size());
        assertEquals(Listing.LISTED, list.classify("160.15"));
        assertEquals(Listing.LISTED, list.classify("PL 125.25"));
        assertEquals(Listing.LISTED, list.classify("490.55"));
        assertEquals(Listing.NOT_LISTED, list.classify("155.30"));
        assertEquals(Listing.NOT_LISTED, list.classify("120.00"));
        assertEquals(Listing.NOT_LISTED, list.classify("not a section"));
    }

    @Test
    void partlyListedSectionsDependOnTheSubdivision() throws IOException {
        FelonyList list = shipped(new ArrayList<>());
        assertEquals(Listing.NEEDS_SUBDIVISION, list.classify("265.02"));
        assertEquals(Listing.LISTED, list.classify("265.02(3)"));
        assertEquals(Listing.LISTED, list.classify("265.02(8)"));
        assertEquals(Listing.NOT_LISTED, list.classify("265.02(1)"));
        assertEquals(Listing.LISTED, list.classify("120.04-a(4)"));
        assertEquals(Listing.NOT_LISTED, list.classify("120.04-a(1)"));
        assertEquals(Listing.NEEDS_SUBDIVISION, list.classify("135.65(2)"));
        assertEquals(Listing.LISTED, list.classify("135.65(2)(b)"));
        assertEquals(Listing.NOT_LISTED, list.classify("135.65(2)(a)"));
    }

    @Test
    void badRowsAreReportedWithLineAndField() {
        List<Problem> problems = new ArrayList<>();
        FelonyList.parse("f.csv", "section,subdivisions,group\n160.15,,robbery\n16O.10,,typo\n265.02,(2)-(x),bad\n", problems);
        assertEquals(2, problems.size());
        assertEquals("f.csv:3:1: error: section: '16O.10' is not a Penal Law section like 160.15 or 120.04-a",
                problems.get(0).toString());
        assertEquals(4, problems.get(1).line());
        assertEquals("subdivisions", problems.get(1).field());
    }

    @Test
    void aDuplicateRowIsAWarning() {
        List<Problem> problems = new ArrayList<>();
        FelonyList.parse("f.csv", "160.15,,a\n160.15,,b\n", problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).severity() == Problem.Severity.WARNING);
    }
}
