package org.sanctuaryrules.internal.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a log line by line as bytes, so that each line is decoded on its own (one line that is not UTF-8 spoils only
 * itself) and no line longer than {@link #MAX_LINE_BYTES} is ever held in memory: of such a line only its length is
 * kept. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}; a byte-order mark before the first line is
 * dropped. Not thread-safe: the auditor's reading thread owns it.
 */
public final class LogReader {
    /**
     * Longest line read. A line holds one whole case, so it is limited as a whole scenario file is (256 KB), not as a
     * line of one (a case's JSON is one line, whatever its size); real lines are under 2 KB.
     */
    public static final int MAX_LINE_BYTES = 256 * 1024;

    /**
     * One line of the log.
     *
     * @param number the line's number in the file
     * @param bytes  its bytes without the line ending, or null when it is longer than {@link #MAX_LINE_BYTES}
     * @param length its length in bytes (for an over-long line, all of it, though only the length was kept)
     */
    public record Line(long number, byte[] bytes, long length) {
        public boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long nextNumber;
    private long bytesRead;
    private boolean skipLineFeed;
    private boolean atStart = true;
    private boolean ended;

    /** @param firstNumber the number of the first line this reader returns */
    public LogReader(InputStream in, long firstNumber) {
        this.in = in;
        this.nextNumber = firstNumber;
    }

    /** Bytes consumed so far, line endings included. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The next line, or null at the end of the log. */
    public Line next() throws IOException {
        byte[] kept = new byte[128];
        int keptLength = 0;
        long length = 0;
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!started) {
                    return null;
                }
                break;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    bytesRead++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int count = position - start;
            if (kept != null) {
                if (keptLength + count > MAX_LINE_BYTES) {
                    kept = null; // over the limit: from here on only count
                } else {
                    if (keptLength + count > kept.length) {
                        kept = Arrays.copyOf(kept, Math.min(MAX_LINE_BYTES, Math.max(kept.length * 2, keptLength + count)));
                    }
                    System.arraycopy(buffer, start, kept, keptLength, count);
                    keptLength += count;
                }
            }
            length += count;
            bytesRead += count;
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                bytesRead++;
                break;
            }
        }
        byte[] bytes = kept == null ? null : Arrays.copyOf(kept, keptLength);
        if (atStart && bytes != null && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
            length -= 3;
        }
        atStart = false;
        return new Line(nextNumber++, bytes, length);
    }

    private boolean fill() throws IOException {
        while (!ended) {
            int n = in.read(buffer);
            if (n < 0) {
                ended = true;
            } else if (n > 0) {
                position = 0;
                limit = n;
                return true;
            }
        }
        position = 0;
        limit = 0;
        return false;
    }
}
