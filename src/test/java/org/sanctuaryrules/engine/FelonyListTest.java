package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(Listing.UNREADABLE, list.classify("not a section"));
    }

    /** Issue 9 §2.7: the whole offense is read, never a section found somewhere inside it. */
    @Test
    void anOffenseIsMatchedAsAWhole() throws IOException {
        FelonyList list = shipped(new ArrayList<>());
        assertEquals(Listing.LISTED, list.classify("Penal Law § 160.15"));
        assertEquals(Listing.LISTED, list.classify("N.Y. P.L. 265.02 (3)"));
        assertEquals(Listing.LISTED, list.classify("pl 130.65-A"));
        assertEquals(Listing.UNREADABLE, list.classify("robbery 160.15"));
        assertEquals(Listing.UNREADABLE, list.classify("160.15 robbery first degree"));
        assertEquals(Listing.UNREADABLE, list.classify("1160.15"));
        assertEquals(Listing.UNREADABLE, list.classify("105.15/125.25"), "conspiracy is not read as the crime conspired");
        assertEquals(Listing.UNREADABLE, list.classify(null));
        assertTrue(FelonyList.readable("PL 110/120.05"));
        assertFalse(FelonyList.readable("assault 2"));
    }

    /** Attempts are their own class, so the rules can say how they count (a named assumption in definitions.drl). */
    @Test
    void anAttemptIsNotTheListedCrime() throws IOException {
        FelonyList list = shipped(new ArrayList<>());
        assertEquals(Listing.ATTEMPT, list.classify("110/120.05"));
        assertEquals(Listing.ATTEMPT, list.classify("PL 110.00/160.15"));
        assertEquals(Listing.ATTEMPT, list.classify("110/265.02"), "an attempt under a partly listed section");
        assertEquals(Listing.NOT_LISTED, list.classify("110/155.30"), "an attempt of an unlisted crime is plainly not listed");
        assertEquals(Listing.NOT_LISTED, list.classify("110/265.02(1)"));
    }

    @Test
    void aByteOrderMarkQuotedCellsAndCommentsAreRead() {
        List<Problem> problems = new ArrayList<>();
        FelonyList list = FelonyList.parse("f.csv",
                "\uFEFFsection,subdivisions,group\r\n# a comment\r\n\"160.15\",,\"robbery, first degree\"\r\n"
                        + "265.02,\"(2)-(8)\",weapons\r\n", problems);
        assertEquals(List.of(), problems);
        assertEquals(2, list.size());
        assertEquals(Listing.LISTED, list.classify("160.15"));
        assertEquals(Listing.LISTED, list.classify("265.02(4)"));
    }

    @Test
    void anEmptyListIsAnError() {
        List<Problem> problems = new ArrayList<>();
        FelonyList.parse("f.csv", "section,subdivisions,group\n# nothing yet\n", problems);
        assertEquals(1, problems.size());
        assertEquals(Problem.Severity.ERROR, problems.get(0).severity());
        assertEquals("f.csv", problems.get(0).file());
        assertEquals(1, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("no felony sections"), problems.get(0).message());
    }

    @Test
    void anUnclosedQuoteIsAnErrorAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        FelonyList.parse("f.csv", "160.15,,robbery\n\"160.10,,robbery\n", problems);
        assertEquals(2, problems.get(0).line(), problems.toString());
        assertEquals(Problem.Severity.ERROR, problems.get(0).severity());
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
        assertEquals(Listing.LISTED, list.classify("265.02(3)(a)"), "a paragraph of a listed subdivision");
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

    @Test
    void aRunawayLineIsAPlacedErrorNotAStackOverflow() {
        List<Problem> problems = new java.util.ArrayList<>();
        FelonyList.parse("f.csv", "section,subdivisions,group\n160.15,,robbery\n120.05," + "(1)".repeat(85_000)
                + ",assault\n", problems);
        org.junit.jupiter.api.Assertions.assertTrue(problems.stream().anyMatch(p -> p.line() == 3
                && p.message().contains("longer than")), problems::toString);
    }
}
