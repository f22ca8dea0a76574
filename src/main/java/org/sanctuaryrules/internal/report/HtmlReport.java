package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.RunSummary;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.settle.ActSettlement;
import org.sanctuaryrules.settle.Settlement;

/**
 * A run as one self-contained HTML page, written as the results come ({@link #start}): every scenario with its verdict, reasons and citations, filterable by
 * verdict and by provision in the browser. CSS and script are inline and nothing is fetched, so the file can be
 * mailed or opened from disk. The page is also well-formed XML (void elements closed, the script in a CDATA
 * section) so tests can parse it. The filter state lives in the URL fragment ({@code #verdict=VIOLATION&provision=
 * AC-9-131-b1}), which makes a filtered view a link. Free-text descriptions of people are never written.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222;display:flex;flex-direction:column}
            header{order:1}#summary{order:2}.filters{order:3}main{order:4}
            header p,#summary{margin:.2em 0}
            .filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc}
            section.scenario{border:1px solid #ddd;border-radius:4px;margin:1em 0;padding:.5em 1em}
            section.scenario[hidden]{display:none}
            .verdict{font-weight:bold;padding:0 .4em;border-radius:3px}
            .VIOLATION{background:#fdd}.COMPLIANT{background:#dfd}.INDETERMINATE{background:#ffd}
            .status-FAILED,.status-ERROR{color:#b00;font-weight:bold}
            .act{margin-left:1em}.finding{margin-left:2em}.note{margin-left:3em;color:#555;font-size:.9em}
            .policy{border-left:3px solid #99c;padding-left:.5em}.BREACH{background:#fdc}.NOT_ADDRESSED{background:#eee}
            .file{color:#666;font-size:.9em}.asof{background:#ffd;padding:.3em}
            """;

    private static final String SCRIPT = """
            (function () {
              var verdict = document.getElementById('verdict-filter');
              var provision = document.getElementById('provision-filter');
              var shown = document.getElementById('shown-count');
              var sections = document.querySelectorAll('section.scenario');
              function readHash() {
                var params = new URLSearchParams(location.hash.replace(/^#/, ''));
                verdict.value = params.get('verdict') || '';
                provision.value = params.get('provision') || '';
                if (verdict.selectedIndex < 0) { verdict.value = ''; }
                if (provision.selectedIndex < 0) { provision.value = ''; }
              }
              function apply() {
                var count = 0;
                sections.forEach(function (s) {
                  var ok = (!verdict.value || s.dataset.verdict === verdict.value)
                    && (!provision.value || s.dataset.provisions.split(' ').indexOf(provision.value) >= 0);
                  s.hidden = !ok;
                  if (ok) { count++; }
                });
                shown.textContent = count + ' of ' + sections.length + ' scenarios shown';
              }
              function changed() {
                var params = new URLSearchParams();
                if (verdict.value) { params.set('verdict', verdict.value); }
                if (provision.value) { params.set('provision', provision.value); }
                history.replaceState(null, '', '#' + params.toString());
                apply();
              }
              verdict.addEventListener('change', changed);
              provision.addEventListener('change', changed);
              window.addEventListener('hashchange', function () { readHash(); apply(); });
              readHash();
              apply();
              document.body.setAttribute('data-filters', 'ready');
            })();
            """;

    private final Function<Path, Settlement> settlements;

    public HtmlReport() {
        this(Map.of());
    }

    /** @param settlements what would settle each scenario's acts, by file, folded under each act ({@code run --html}) */
    public HtmlReport(Map<Path, Settlement> settlements) {
        this(Map.copyOf(settlements)::get);
    }

    /**
     * @param settlements the settlement of a scenario's file, or null; asked when the scenario is written, so that a
     *                    page written as it goes can settle each scenario just before
     */
    public HtmlReport(Function<Path, Settlement> settlements) {
        this.settlements = settlements;
    }

    public String render(RunReport report) {
        return RunWriter.render(report, this::start);
    }

    /**
     * The same page as {@link #render}, written as the results come: each scenario's section at once, and after
     * the last the summary and the filters, which need the whole run (the counts, every provision cited) and are
     * shown above the scenarios by the style sheet. Only the counts and the set of provisions are kept.
     */
    public RunWriter start(Writer out, String ruleSetOrigin, String ruleSetVersion, LocalDate asOf)
            throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>sanctuary-rules: scenario report</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        head.append("<header>\n<h1>Scenario report</h1>\n");
        head.append("<p>rules: ").append(esc(ruleSetOrigin)).append(" (version ").append(esc(ruleSetVersion))
                .append(")</p>\n");
        if (asOf != null) {
            head.append("<p class=\"asof\" id=\"as-of\">").append(esc(RunReport.asOfLine(asOf))).append("</p>\n");
        }
        head.append("</header>\n<main>\n");
        out.write(head.toString());
        Set<String> provisions = new TreeSet<>();
        return new RunWriter() {
            @Override
            public void add(ScenarioResult r) throws IOException {
                if (r.assessment() != null) {
                    r.assessment().acts().forEach(a -> provisions.addAll(a.citedProvisions()));
                }
                scenario(out, r, settlements.apply(r.file()));
            }

            @Override
            public void finish(RunSummary summary) throws IOException {
                StringBuilder html = new StringBuilder("</main>\n");
                summary(html, summary);
                filters(html, provisions);
                html.append("<script>//<![CDATA[\n").append(SCRIPT).append("//]]></script>\n</body>\n</html>\n");
                out.write(html.toString());
                out.flush();
            }
        };
    }

    private static void summary(StringBuilder html, RunSummary s) {
        html.append("<p id=\"summary\">").append(esc(s.line())).append("; verdicts: ");
        html.append(String.join(", ", s.verdicts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).toList())).append("</p>\n");
    }

    private static void filters(StringBuilder html, Set<String> provisions) {
        html.append("<div class=\"filters\">\n<label>verdict <select id=\"verdict-filter\">")
                .append("<option value=\"\">all</option>");
        for (Verdict v : Verdict.values()) {
            html.append("<option value=\"").append(v).append("\">").append(v).append("</option>");
        }
        html.append("</select></label>\n<label>provision <select id=\"provision-filter\">")
                .append("<option value=\"\">all</option>");
        for (String p : provisions) {
            html.append("<option value=\"").append(esc(p)).append("\">").append(esc(p)).append("</option>");
        }
        // Filled in by the script; empty when scripts do not run, which tests rely on to prove it ran.
        html.append("</select></label>\n<span id=\"shown-count\"></span>\n</div>\n");
    }

    /** One scenario's section, written act by act: a file of thousands of acts is never one string. */
    private static void scenario(Writer out, ScenarioResult r, Settlement settlement) throws IOException {
        StringBuilder html = new StringBuilder();
        String verdict = r.assessment() == null ? "" : r.assessment().verdict().name();
        Set<String> cited = new TreeSet<>();
        if (r.assessment() != null) {
            r.assessment().acts().forEach(a -> cited.addAll(a.citedProvisions()));
        }
        html.append("<section class=\"scenario\" id=\"scenario-").append(esc(r.name())).append("\" data-verdict=\"")
                .append(verdict).append("\" data-status=\"").append(r.status()).append("\" data-provisions=\"")
                .append(esc(String.join(" ", cited))).append("\">\n");
        html.append("<h2>").append(esc(r.name()));
        if (!verdict.isEmpty()) {
            html.append(" <span class=\"verdict ").append(verdict).append("\">").append(verdict).append("</span>");
        }
        html.append(" <span class=\"status-").append(r.status()).append("\">").append(r.status()).append("</span></h2>\n");
        if (r.scenario() != null) {
            html.append("<p class=\"title\">").append(esc(r.scenario().title())).append("</p>\n");
        }
        html.append("<p class=\"file\">").append(esc(r.file().toString())).append("</p>\n");
        list(html, "problem", r.problems().stream().map(Object::toString).toList());
        list(html, "mismatch", r.mismatches());
        out.write(html.toString());
        if (r.assessment() != null) {
            for (ActAssessment a : r.assessment().acts()) {
                StringBuilder act = new StringBuilder();
                act(act, a, settlement == null ? null : settlement.act(a.actId()));
                out.write(act.toString());
            }
        }
        out.write("</section>\n");
    }

    private static void act(StringBuilder html, ActAssessment a, ActSettlement settle) {
        html.append("<div class=\"act\"><h3>").append(esc(a.actId())).append(" <span class=\"verdict ")
                .append(a.verdict()).append("\">").append(a.verdict()).append("</span></h3>\n");
        for (Finding f : a.decisiveFindings()) {
            html.append("<p class=\"finding\"><b>").append(esc(f.citation() == null ? String.valueOf(f.provision())
                    : f.citation())).append("</b> [").append(esc(String.valueOf(f.provision()))).append("]: ")
                    .append(esc(f.explanation())).append("</p>\n");
            f.notes().forEach(n -> html.append("<p class=\"note\">interpretation note: ").append(esc(n))
                    .append("</p>\n"));
        }
        if (a.policy() != PolicyOutcome.NOT_ADDRESSED) {
            // Department orders bind a department's members; kept apart from the legal verdict, never merged into it.
            html.append("<div class=\"policy\"><p class=\"finding\"><b>department policy (not law):</b> <span class=\"policy ")
                    .append(a.policy()).append("\">").append(a.policy()).append("</span></p>\n");
            for (Finding f : a.decisivePolicyFindings()) {
                html.append("<p class=\"finding\"><b>").append(esc(f.citation() == null ? String.valueOf(f.provision())
                        : f.citation())).append("</b> [").append(esc(String.valueOf(f.provision()))).append("]: ")
                        .append(esc(f.explanation())).append("</p>\n");
            }
            if (!a.policyMissingFacts().isEmpty()) {
                html.append("<p class=\"finding\">missing facts (department policy): ")
                        .append(esc(String.join(", ", a.policyMissingFacts()))).append("</p>\n");
            }
            html.append("</div>\n");
        }
        // The provision filter matches every cited provision, so the findings that decided nothing are shown too.
        List<Finding> others = a.findings().stream().filter(f -> !f.decisive()).toList();
        if (!others.isEmpty()) {
            html.append("<details class=\"finding\"><summary>other findings (").append(others.size())
                    .append(")</summary>\n");
            for (Finding f : others) {
                html.append("<p class=\"note\">").append(f.effect()).append(' ').append(esc(f.citation() == null
                        ? String.valueOf(f.provision()) : f.citation())).append(" [")
                        .append(esc(String.valueOf(f.provision()))).append("]: ").append(esc(f.explanation()))
                        .append("</p>\n");
            }
            html.append("</details>\n");
        }
        if (!a.missingFacts().isEmpty()) {
            html.append("<p class=\"finding\">missing facts: ").append(esc(String.join(", ", a.missingFacts())))
                    .append("</p>\n");
        }
        List<String> settleLines = SettleText.lines(settle);
        if (!settleLines.isEmpty()) {
            html.append("<details class=\"settle\"><summary>").append(esc(settleLines.get(0))).append("</summary>\n");
            settleLines.subList(1, settleLines.size()).forEach(l -> html.append("<p class=\"settle-line\">")
                    .append(esc(l.strip())).append("</p>\n"));
            html.append("</details>\n");
        }
        html.append("</div>\n");
    }

    private static void list(StringBuilder html, String cssClass, List<String> lines) {
        lines.forEach(l -> html.append("<p class=\"").append(cssClass).append("\">").append(esc(l)).append("</p>\n"));
    }

    /**
     * Escapes text for element content and double- or single-quoted attributes; control and invisible formatting
     * characters (from a rule or data file) are shown as escapes, on one line.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : PrintableText.oneLine(s).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
