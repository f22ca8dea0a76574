package org.sanctuaryrules.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Case;

/**
 * Where one act's time goes: judges the representative detainer act ({@link Fixtures#detainerCase}) in a loop on
 * one thread under a Java Flight Recorder recording, then sorts the samples taken inside {@code assess} into the
 * parts issue 15 asks about (network evaluation, rule consequences and truth maintenance, emptying the pooled
 * session, the engine's own resolution). Each sample goes to the first part whose frame is on its stack, in the
 * order printed. Drools' stacks are deep: without a larger stack depth JFR cuts them and most samples lose
 * {@code assess}. Run from the project directory after the bench classpath is built (see CpuTime):
 *
 * <pre>
 * java -XX:FlightRecorderOptions:stackdepth=1024 -cp target/test-classes:target/classes:$(cat target/bench-classpath) \
 *     org.sanctuaryrules.bench.OneActProfile
 * </pre>
 */
public final class OneActProfile {
    /** The parts, each named by a frame that marks it; the first found on a sample's stack takes the sample. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("SanctuaryEngine.emptied", "emptying the session (deleting the act and person)");
        PARTS.put("insertLogical", "consequences: logical insertion (truth maintenance)");
        PARTS.put("LambdaConsequence.evaluate", "consequences: the rest (conclusions, explanations)");
        PARTS.put("AlphaNode.assertObject", "network: alpha nodes");
        PARTS.put("PhreakFromNode", "network: 'from' nodes");
        PARTS.put("fireAllRules", "network: the rest (beta nodes, linking, agenda)");
        PARTS.put("SanctuaryEngine.resolve", "the engine's resolution (verdict, findings)");
        PARTS.put("SanctuaryEngine.outcome", "the engine's resolution (verdict, findings)");
    }

    private OneActProfile() {
    }

    public static void main(String[] args) throws Exception {
        SanctuaryEngine engine = SanctuaryEngine.shipped();
        Case act = Fixtures.detainerCase();
        loop(engine, act, Duration.ofSeconds(5));
        Path file = Files.createTempFile("one-act", ".jfr");
        long acts;
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.start();
            acts = loop(engine, act, Duration.ofSeconds(20));
            recording.stop();
            recording.dump(file);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        PARTS.values().forEach(p -> counts.put(p, 0));
        counts.put("other", 0);
        int inAssess = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<String> frames = e.getStackTrace().getFrames().stream().map(OneActProfile::name).toList();
            if (frames.stream().noneMatch(f -> f.endsWith("SanctuaryEngine.assess"))) {
                continue;
            }
            inAssess++;
            String part = PARTS.entrySet().stream()
                    .filter(p -> frames.stream().anyMatch(f -> f.contains(p.getKey())))
                    .map(Map.Entry::getValue).findFirst().orElse("other");
            counts.merge(part, 1, Integer::sum);
        }
        Files.delete(file);
        System.out.printf("%d acts in 20 s (%.1f µs an act, wall); %d samples inside assess%n", acts,
                20e6 / acts, inAssess);
        int total = inAssess;
        counts.forEach((part, n) -> System.out.printf("%5.1f %%  %s%n", total == 0 ? 0 : 100.0 * n / total, part));
    }

    private static long loop(SanctuaryEngine engine, Case act, Duration time) {
        long end = System.nanoTime() + time.toNanos();
        long n = 0;
        while (System.nanoTime() - end < 0) {
            engine.assess(act);
            n++;
        }
        return n;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
