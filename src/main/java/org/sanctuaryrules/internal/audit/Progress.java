package org.sanctuaryrules.internal.audit;

import java.io.PrintWriter;

/** Reports how far an audit has got. */
public interface Progress {
    /** Nothing to show: not on a terminal. */
    Progress NONE = new Progress() {
        @Override
        public void update(long lines, long bytesRead) {
        }

        @Override
        public void done() {
        }
    };

    void update(long lines, long bytesRead);

    void done();

    /** A one-line bar redrawn at most every 200 ms on a terminal's stderr; {@code totalBytes} 0 if not known. */
    static Progress bar(PrintWriter err, long totalBytes) {
        return new Progress() {
            private final long start = System.nanoTime();
            private long lastDraw;

            @Override
            public void update(long lines, long bytesRead) {
                long now = System.nanoTime();
                if (now - lastDraw < 200_000_000L) {
                    return;
                }
                lastDraw = now;
                double seconds = Math.max((now - start) / 1e9, 1e-3);
                String share = totalBytes > 0 ? String.format("%3d%% ", Math.min(100, bytesRead * 100 / totalBytes)) : "";
                int filled = totalBytes > 0 ? (int) Math.min(30, bytesRead * 30 / totalBytes) : 0;
                err.printf("\r[%-30s] %s%,d lines %,.0f lines/s ", "#".repeat(filled), share, lines, lines / seconds);
                err.flush();
            }

            @Override
            public void done() {
                err.print("\r" + " ".repeat(79) + "\r");
                err.flush();
            }
        };
    }
}
