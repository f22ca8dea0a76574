package org.sanctuaryrules.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;

/**
 * Run by {@link ReloadMemoryTest} in a JVM of its own: saves a rule file N times (each save a new rule-set version,
 * with a 30 KB comment so that a leaked rule set is easy to see), reloads it into a {@link ReloadableEngine} and
 * judges a case each time. Exits 1 if the heap left after a full collection grew by more than {@link #ALLOWED_GROWTH}
 * between the tenth reload and the last; running out of memory exits non-zero too. With a third argument
 * {@code close}, no {@code ReloadableEngine}: each rule set is built into an engine of its own, used once and closed, as
 * an embedder who drops engines does.
 */
public final class ReloadMany {
    /** Without releasing old rule sets, 90 reloads of this rule set keep about 24 MB; with it, none. */
    static final long ALLOWED_GROWTH = 6L << 20;

    private ReloadMany() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        int reloads = Integer.parseInt(args[1]);
        boolean closeEach = args.length > 2 && args[2].equals("close");
        Path drl = rules.resolve("test.drl");
        String original = Files.readString(drl);
        String padding = ("// " + "x".repeat(97) + "\n").repeat(300);
        ReloadableEngine engine = new ReloadableEngine(SanctuaryEngine.fromDirectory(rules));
        Case aCase = new Case("c", LocalDate.of(2024, 1, 1), null,
                List.of(Act.builder("a", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build()));
        long warm = 0;
        Set<String> versions = new java.util.HashSet<>();
        for (int i = 1; i <= reloads; i++) {
            Files.writeString(drl, original + "\n// save " + i + "\n" + padding);
            if (closeEach) {
                try (SanctuaryEngine own = SanctuaryEngine.fromDirectory(rules)) {
                    versions.add(own.assess(aCase).ruleSetVersion());
                }
            } else {
                engine.swap(SanctuaryEngine.fromDirectory(rules));
                versions.add(engine.assess(aCase).ruleSetVersion());
            }
            if (i == 10) {
                warm = retained();
            }
        }
        long growth = retained() - warm;
        System.out.println("reloads " + reloads + ", versions " + versions.size() + ", heap grew by "
                + growth / 1024 + " KB after the tenth");
        System.exit(growth <= ALLOWED_GROWTH && versions.size() == reloads ? 0 : 1);
    }

    /** The heap in use after a full collection: what is still reachable. */
    private static long retained() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
