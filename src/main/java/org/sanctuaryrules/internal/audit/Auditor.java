package org.sanctuaryrules.internal.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.RuleLimitException;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.internal.report.JsonHeader;

/**
 * Judges a log of acts in bounded memory on several threads. The calling thread reads lines (as bytes, see
 * {@link LogReader}) into chunks bounded both in lines and in bytes; a bounded number of chunks is in flight at once
 * (a semaphore), so memory does not grow with the file or with its lines; worker threads decode, parse and judge;
 * finished chunks are written in line order, whichever worker finishes first, so the output is the same for any
 * number of threads.
 *
 * <p>Memory: at most {@link #IN_FLIGHT_PER_THREAD} chunks per worker, each at most {@link #CHUNK_BYTES} plus one
 * line ({@link LogReader#MAX_LINE_BYTES}) of text, and the line each worker is judging.
 *
 * <p>A bad line is skipped and reported; a worker that fails beyond a bad line (an {@link Error} such as running out
 * of memory) stops the audit at that line with {@link AuditStopped}: every line before it is written, none after.
 */
public final class Auditor {
    /** Most lines per chunk: enough that handing chunks between threads costs little. */
    static final int CHUNK_LINES = 256;
    /** A chunk is handed on once it holds this many bytes, however few lines that is. */
    static final int CHUNK_BYTES = 1024 * 1024;
    /** Chunks in flight per worker thread. */
    static final int IN_FLIGHT_PER_THREAD = 4;

    private final SanctuaryEngine engine;
    private final int threads;
    private final LocalDate asOf;
    private final Instant decidedAt;
    private final JsonFactory json = new JsonFactory();

    /** An auditor judging each act by the law of its own date, stamping its lines with the time it is made. */
    public Auditor(SanctuaryEngine engine, int threads) {
        this(engine, threads, null, Instant.now());
    }

    /**
     * @param asOf      the day whose law judges every act, or null for each act's own date
     * @param decidedAt the time every output line states (one for the whole audit, so that the output does not
     *                  depend on the number of threads)
     */
    public Auditor(SanctuaryEngine engine, int threads, LocalDate asOf, Instant decidedAt) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.engine = engine;
        this.threads = threads;
        this.asOf = asOf;
        this.decidedAt = decidedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Judges every line from {@code in}, writes one JSON line per act to {@code out} in line order, gives each
     * skipped line to {@code skipped}, and returns the summary.
     *
     * @throws AuditStopped when a worker failed beyond a bad line; the lines before it are written
     * @throws IOException  when the log cannot be read or the results cannot be written
     */
    public AuditSummary run(LogReader in, LineParser parser, Writer out, Consumer<LineOutcome> skipped,
                            Progress progress) throws IOException, AuditStopped {
        AuditSummary summary = new AuditSummary();
        Semaphore room = new Semaphore(threads * IN_FLIGHT_PER_THREAD);
        OrderedWriter writer = new OrderedWriter(out, summary, skipped, room);
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit-worker");
            t.setDaemon(true);
            return t;
        });
        long chunks = 0;
        long lines = 0;
        long lastLine = 0;
        try {
            List<LogReader.Line> chunk = new ArrayList<>();
            long chunkBytes = 0;
            for (LogReader.Line line = in.next(); line != null && !writer.stopping(); line = in.next()) {
                chunk.add(line);
                lastLine = line.number();
                lines++;
                chunkBytes += line.tooLong() ? 0 : line.bytes().length;
                if (chunk.size() == CHUNK_LINES || chunkBytes >= CHUNK_BYTES) {
                    submit(workers, room, writer, parser, chunks++, chunk);
                    chunk = new ArrayList<>();
                    chunkBytes = 0;
                    progress.update(lines, in.bytesRead());
                }
                writer.rethrow();
            }
            if (!chunk.isEmpty() && !writer.stopping()) {
                submit(workers, room, writer, parser, chunks++, chunk);
            }
            chunk = null;
            workers.shutdown();
            while (!workers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                progress.update(lines, in.bytesRead());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (OutOfMemoryError e) {
            // In the reading thread itself; the workers' failures arrive through the writer.
            workers.shutdownNow();
            throw new AuditStopped(lastLine + 1, e, summary);
        } finally {
            workers.shutdownNow();
            progress.done();
        }
        writer.rethrow();
        writer.flush();
        out.flush();
        Stop stop = writer.stop(chunks);
        if (stop != null) {
            throw new AuditStopped(stop.line, stop.cause, summary);
        }
        return summary;
    }

    private void submit(ExecutorService workers, Semaphore room, OrderedWriter writer, LineParser parser, long chunkNo,
                        List<LogReader.Line> lines) throws InterruptedException {
        room.acquire();
        workers.execute(new Task(writer, parser, chunkNo, lines));
    }

    /** One chunk's work. Hands the chunk to the writer whatever happens, so the reader never waits for it in vain. */
    private final class Task implements Runnable {
        private final OrderedWriter writer;
        private final LineParser parser;
        private final long chunkNo;
        private List<LogReader.Line> lines;
        private long at;

        Task(OrderedWriter writer, LineParser parser, long chunkNo, List<LogReader.Line> lines) {
            this.writer = writer;
            this.parser = parser;
            this.chunkNo = chunkNo;
            this.lines = lines;
            this.at = lines.get(0).number();
        }

        @Override
        public void run() {
            boolean handedOver = false;
            List<LineOutcome> outcomes = new ArrayList<>(lines.size());
            try {
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                for (int i = 0; i < lines.size(); i++) {
                    LogReader.Line line = lines.get(i);
                    lines.set(i, null); // what was judged can go
                    at = line.number();
                    LineOutcome o = judge(parser, line, decoder);
                    if (o != null) {
                        outcomes.add(o);
                    }
                }
                lines = null;
                writer.complete(chunkNo, new Done(outcomes, null, 0));
                handedOver = true;
            } catch (Throwable failure) {
                lines = null;
                try {
                    writer.complete(chunkNo, new Done(outcomes, failure, at));
                    handedOver = true;
                } catch (Throwable again) {
                    // handed over below, without allocating
                }
            } finally {
                if (!handedOver) {
                    writer.lost(chunkNo, at);
                }
            }
        }
    }

    /**
     * The outcome of one line; null for a blank line. A bad line of any kind is a skipped outcome; only an
     * {@link Error} escapes, and stops the audit.
     */
    LineOutcome judge(LineParser parser, LogReader.Line raw, CharsetDecoder decoder) {
        long line = raw.number();
        if (raw.tooLong()) {
            return LineOutcome.skipped(line, "", String.format("the line is %,d bytes, longer than the %,d bytes "
                    + "a line may have: a line holds one case, and a case is limited as a scenario file is",
                    raw.length(), LogReader.MAX_LINE_BYTES));
        }
        String text;
        try {
            text = decode(raw.bytes(), decoder);
        } catch (CharacterCodingException e) {
            return LineOutcome.skipped(line, "", "is not UTF-8 text (byte " + (firstBadByte(raw.bytes()) + 1)
                    + " of the line); save the log as UTF-8");
        }
        try {
            return judgeOrThrow(parser, line, text);
        } catch (RuntimeException e) {
            return LineOutcome.skipped(line, "", "cannot judge this line: " + e.getClass().getSimpleName());
        }
    }

    private static String decode(byte[] bytes, CharsetDecoder decoder) throws CharacterCodingException {
        decoder.reset();
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? in.position() : 0;
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
            assessment = asOf == null ? engine.assess(aCase) : engine.assess(aCase, asOf);
        } catch (RuntimeException e) {
            // A rule that throws, or runs past its limits, is a bug in the rules: report the line, judge the rest.
            return LineOutcome.skipped(line, "", "the rules failed on this line: " + (e instanceof RuleLimitException l
                    ? "limit " + l.limit().name().toLowerCase() : e.getClass().getSimpleName()));
        }
        List<AuditedAct> acts = new ArrayList<>(assessment.acts().size());
        for (ActAssessment a : assessment.acts()) {
            List<String> provisions = a.decisiveFindings().stream().map(Finding::provision)
                    .filter(p -> p != null).distinct().toList();
            acts.add(new AuditedAct(line, a.actId(), a.verdict(), a.policy(), provisions, parsed.inputSha256(),
                    a.agency()));
        }
        return LineOutcome.judged(line, acts);
    }

    /** A chunk done: its outcomes, and if a worker failed on it, the failure and its line. */
    private record Done(List<LineOutcome> outcomes, Throwable failure, long failedLine, boolean lost) {
        Done(List<LineOutcome> outcomes, Throwable failure, long failedLine) {
            this(outcomes, failure, failedLine, false);
        }

        boolean failed() {
            return failure != null || lost;
        }
    }

    /** Where and why the audit stopped; {@code cause} null when a worker stopped without saying. */
    private record Stop(long line, Throwable cause) {
    }

    /**
     * Writes finished chunks in chunk order and frees their room; called by the worker threads. After a failed chunk
     * nothing more is written: the output then holds exactly the lines before the failure.
     */
    private final class OrderedWriter {
        private final Writer out;
        private final AuditSummary summary;
        private final Consumer<LineOutcome> skipped;
        private final Semaphore room;
        private final Map<Long, Done> waiting = new HashMap<>();
        private long next;
        private Exception failure;
        /** The lowest chunk a worker failed on; chunks after it are dropped. */
        private volatile long failedChunk = Long.MAX_VALUE;
        private Stop stop;
        private JsonGenerator generator;

        OrderedWriter(Writer out, AuditSummary summary, Consumer<LineOutcome> skipped, Semaphore room) {
            this.out = out;
            this.summary = summary;
            this.skipped = skipped;
            this.room = room;
        }

        /** Whether a worker failed: the reader then stops reading. */
        boolean stopping() {
            return failedChunk != Long.MAX_VALUE;
        }

        synchronized void complete(long chunkNo, Done done) {
            if (done.failed()) {
                fail(chunkNo);
            }
            if (chunkNo > failedChunk) {
                return; // after the failure: never written
            }
            waiting.put(chunkNo, done);
            for (Done ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
                next++;
                try {
                    write(ready.outcomes());
                } catch (IOException | RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
                if (ready.failed()) {
                    stop = new Stop(ready.failedLine(), ready.failure());
                    waiting.clear();
                    return;
                }
                room.release();
            }
        }

        /** A worker died without handing its chunk over (it could not even do that). */
        synchronized void lost(long chunkNo, long line) {
            complete(chunkNo, new Done(List.of(), null, line, true));
        }

        private void fail(long chunkNo) {
            if (chunkNo < failedChunk) {
                failedChunk = chunkNo;
                room.release(Integer.MAX_VALUE / 2); // the reader must never wait for room again
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
                    writeLine(act);
                }
            }
            if (generator != null) {
                generator.flush(); // to the output (not past it): a chunk's lines are out before the next chunk's
            }
        }

        /** One output line: the header every document of the tool starts with, then the act (docs/json.md). */
        private void writeLine(AuditedAct act) throws IOException {
            JsonGenerator g = generator();
            g.writeStartObject();
            JsonHeader.write(g, engine.ruleSet().origin(), engine.ruleSet().version());
            g.writeStringField("as_of", asOf == null ? null : asOf.toString());
            g.writeStringField("decided_at", decidedAt.toString());
            g.writeNumberField("line", act.line());
            g.writeStringField("act", act.act());
            g.writeStringField("verdict", act.verdict().name());
            g.writeStringField("policy", act.policy().name());
            g.writeArrayFieldStart("provisions");
            for (String p : act.provisions()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeStringField("input_sha256", act.inputSha256());
            g.writeEndObject();
            g.writeRaw('\n');
        }

        private JsonGenerator generator() throws IOException {
            if (generator == null) {
                generator = json.createGenerator(out);
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                generator.setRootValueSeparator(null); // lines end with the '\n' written after each
            }
            return generator;
        }

        /** Hands what the generator buffered to the output. */
        synchronized void flush() throws IOException {
            if (generator != null) {
                generator.flush();
            }
        }

        /** Why the audit stopped, once every worker is done; also if a chunk never came back at all. */
        synchronized Stop stop(long chunks) {
            if (stop == null && next < chunks) {
                stop = new Stop(0, null); // cannot happen: every task hands its chunk over, or reports it lost
            }
            return stop;
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
