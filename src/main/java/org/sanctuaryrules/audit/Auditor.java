package org.sanctuaryrules.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.RuleLimitException;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Case;

/**
 * Judges a log of acts in constant memory on several threads. The calling thread reads lines in chunks; a bounded
 * number of chunks is in flight at once (a semaphore), so memory does not grow with the file; worker threads parse
 * and judge; finished chunks are written in line order, whichever worker finishes first, so the output is
 * the same for any number of threads.
 */
public final class Auditor {
    /** Lines per chunk: large enough that handing chunks between threads costs little, small enough to bound memory. */
    static final int CHUNK = 256;
    /** Chunks in flight per worker thread. */
    static final int IN_FLIGHT_PER_THREAD = 4;

    private final SanctuaryEngine engine;
    private final int threads;
    private final ObjectMapper json = new ObjectMapper();

    public Auditor(SanctuaryEngine engine, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.engine = engine;
        this.threads = threads;
    }

    /**
     * Judges every line from {@code in} (the next line being number {@code firstLine}), writes one JSON line per act
     * to {@code out} in line order, gives each skipped line to {@code skipped}, and returns the summary.
     */
    public AuditSummary run(BufferedReader in, long firstLine, LineParser parser, Writer out,
                            Consumer<LineOutcome> skipped, Progress progress) throws IOException {
        AuditSummary summary = new AuditSummary();
        Semaphore room = new Semaphore(threads * IN_FLIGHT_PER_THREAD);
        OrderedWriter writer = new OrderedWriter(out, summary, skipped, room);
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit-worker");
            t.setDaemon(true);
            return t;
        });
        long lineNumber = firstLine;
        long bytes = 0;
        long chunkNo = 0;
        try {
            List<String> chunk = new ArrayList<>(CHUNK);
            long chunkStart = lineNumber;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                chunk.add(line);
                bytes += line.length() + 1;
                lineNumber++;
                if (chunk.size() == CHUNK) {
                    submit(workers, room, writer, parser, chunkNo++, chunkStart, chunk);
                    chunk = new ArrayList<>(CHUNK);
                    chunkStart = lineNumber;
                    progress.update(lineNumber - firstLine, bytes);
                }
                writer.rethrow();
            }
            if (!chunk.isEmpty()) {
                submit(workers, room, writer, parser, chunkNo++, chunkStart, chunk);
            }
            workers.shutdown();
            while (!workers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                progress.update(lineNumber - firstLine, bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            workers.shutdownNow();
            progress.done();
        }
        writer.rethrow();
        out.flush();
        return summary;
    }

    private void submit(ExecutorService workers, Semaphore room, OrderedWriter writer, LineParser parser, long chunkNo,
                        long firstLine, List<String> lines) throws InterruptedException {
        room.acquire();
        workers.execute(() -> {
            List<LineOutcome> outcomes = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                LineOutcome o = judge(parser, firstLine + i, lines.get(i));
                if (o != null) {
                    outcomes.add(o);
                }
            }
            writer.complete(chunkNo, outcomes);
        });
    }

    /**
     * The outcome of one line; null for a blank line. Never throws: a chunk whose worker died would never be
     * written, and the reader would wait for its room forever.
     */
    LineOutcome judge(LineParser parser, long line, String text) {
        try {
            return judgeOrThrow(parser, line, text);
        } catch (RuntimeException | VirtualMachineError | LinkageError e) {
            return LineOutcome.skipped(line, "", "cannot judge this line: " + e.getClass().getSimpleName());
        }
    }

    private LineOutcome judgeOrThrow(LineParser parser, long line, String text) {
        if (LineParser.blank(text)) {
            return null;
        }
        LineParser.Parsed parsed = parser.parse(line, text);
        if (parsed.aCase() == null) {
            return LineOutcome.skipped(line, parsed.field(), parsed.problem());
        }
        Case aCase = parsed.aCase();
        Assessment assessment;
        try {
            assessment = engine.assess(aCase);
        } catch (RuntimeException e) {
            // A rule that throws, or runs past its limits, is a bug in the rules: report the line, judge the rest.
            return LineOutcome.skipped(line, "", "the rules failed on this line: " + (e instanceof RuleLimitException l
                    ? "limit " + l.limit().name().toLowerCase() : e.getClass().getSimpleName()));
        }
        List<AuditedAct> acts = new ArrayList<>(assessment.acts().size());
        for (ActAssessment a : assessment.acts()) {
            List<String> provisions = a.decisiveFindings().stream().map(Finding::provision)
                    .filter(p -> p != null).distinct().toList();
            acts.add(new AuditedAct(line, a.actId(), a.verdict(), provisions, assessment.ruleSetVersion(), a.agency()));
        }
        return LineOutcome.judged(line, acts);
    }

    /** Writes finished chunks in chunk order and frees their room; called by the worker threads. */
    private final class OrderedWriter {
        private final Writer out;
        private final AuditSummary summary;
        private final Consumer<LineOutcome> skipped;
        private final Semaphore room;
        private final Map<Long, List<LineOutcome>> waiting = new HashMap<>();
        private long next;
        private Exception failure;

        OrderedWriter(Writer out, AuditSummary summary, Consumer<LineOutcome> skipped, Semaphore room) {
            this.out = out;
            this.summary = summary;
            this.skipped = skipped;
            this.room = room;
        }

        synchronized void complete(long chunkNo, List<LineOutcome> outcomes) {
            waiting.put(chunkNo, outcomes);
            for (List<LineOutcome> ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
                next++;
                try {
                    write(ready);
                } catch (IOException | RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
                room.release();
            }
        }

        private void write(List<LineOutcome> outcomes) throws IOException {
            for (LineOutcome o : outcomes) {
                summary.add(o);
                if (o.isSkipped()) {
                    skipped.accept(o);
                    continue;
                }
                for (AuditedAct act : o.acts()) {
                    try {
                        out.write(json.writeValueAsString(act));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                    out.write('\n');
                }
            }
        }

        synchronized void rethrow() throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            }
        }
    }
}
