package org.sanctuaryrules.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

class SettleProbe {
    @Test
    void probe() throws Exception {
        Settler settler = new Settler(ShippedEngine.get());
        String only = System.getProperty("probe.only", "");
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.filter(p -> p.getFileName().toString().startsWith(only)).sorted().toList();
        }
        for (Path f : files) {
            LoadResult r = new ScenarioLoader().load(f);
            long t = System.nanoTime();
            Settlement st = settler.settle(r.scenario().aCase());
            long ms = (System.nanoTime() - t) / 1_000_000;
            System.out.println("== " + f.getFileName() + " " + ms + " ms");
            for (ActSettlement a : st.acts()) {
                System.out.println("  act " + a.actId() + " " + a.verdict() + " [" + a.judgments() + " judgments" + (a.bounded() ? ", bounded" : "") + "] " + a.note());
                for (SettleLine l : a.lines()) {
                    System.out.println("    if " + l.conditions().stream().map(Condition::text).toList() + " -> " + l.verdict() + " " + l.citations() + " " + l.basis() + " " + l.completions() + " " + l.mattersMost());
                }
                for (CompliancePath p : a.toCompliance()) {
                    System.out.println("    change " + p.changes().stream().map(Change::text).toList() + " -> " + p.verdict() + " " + p.citations() + " " + p.turnsOn());
                }
            }
        }
    }
}
