package org.sanctuaryrules.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogReaderTest {
    private static List<LogReader.Line> lines(InputStream in, long first) throws IOException {
        LogReader reader = new LogReader(in, first);
        List<LogReader.Line> lines = new ArrayList<>();
        for (LogReader.Line l = reader.next(); l != null; l = reader.next()) {
            lines.add(l);
        }
        return lines;
    }

    private static List<String> texts(String log) throws IOException {
        return lines(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), 1).stream()
                .map(l -> new String(l.bytes(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void linesEndAtLineFeedCarriageReturnOrBoth() throws IOException {
        assertEquals(List.of("a", "b", "c", "", "d"), texts("a\nb\r\nc\r\rd"));
        assertEquals(List.of("a", ""), texts("a\n\n"));
        assertEquals(List.of(), texts(""));
        assertEquals(List.of("x"), texts("\uFEFFx\n"), "a byte-order mark is dropped");
    }

    @Test
    void aLineOverTheLimitKeepsOnlyItsLengthAndTheNextLinesFollow() throws IOException {
        String huge = "y".repeat(LogReader.MAX_LINE_BYTES + 1);
        String atLimit = "z".repeat(LogReader.MAX_LINE_BYTES);
        // Handed over a few bytes at a time, so line ends fall across reads.
        InputStream trickle = new ByteArrayInputStream(("a\r" + huge + "\r\n" + atLimit + "\nb")
                .getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7_777));
            }
        };
        List<LogReader.Line> lines = lines(trickle, 2);
        assertEquals(4, lines.size());
        assertEquals(List.of(2L, 3L, 4L, 5L), lines.stream().map(LogReader.Line::number).toList());
        assertTrue(lines.get(1).tooLong());
        assertNull(lines.get(1).bytes());
        assertEquals(huge.length(), lines.get(1).length());
        assertEquals(atLimit.length(), lines.get(2).bytes().length, "a line at the limit is kept");
        assertEquals("b", new String(lines.get(3).bytes(), StandardCharsets.US_ASCII));
    }
}
