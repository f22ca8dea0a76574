package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

/**
 * Department orders (register {@code binding: department_policy}) are resolved apart from the law: a breach never makes
 * the verdict a violation, and a missing fact of the order never makes it indeterminate (issue 9, §2.16).
 */
class PolicyOutcomeTest {
    private static final String REGISTER = """
            - id: LAW-1
              citation: "Test Code § 1"
              title: a law
              from: 2000-01-01
            - id: ORDER-1
              citation: "Test Department Order 1"
              title: a department order
              from: 2000-01-01
              binding: department_policy
            - id: MAYOR-1
              citation: "Test Executive Order 1"
              title: a mayoral order with a scope
              from: 2000-01-01
              scope:
                bodies: [ice_hsi, fbi]
                purposes: [criminal_investigation]
            """;
    private static final String RULES = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;

            rule "Order: members must not hold for immigration"
                @provision("ORDER-1")
            when
                $act : Act( kind == ActKind.HOLD_PAST_RELEASE )
            then
                Conclude.prohibit(kcontext, $act, "held, against the order");
            end

            rule "Order: whether the threat was immediate is not known"
                @provision("ORDER-1")
            when
                $p : Prohibition( rule == "Order: members must not hold for immigration", act.publicSafetyThreat == null )
            then
                Conclude.unknown(kcontext, $p.act(), "acts[].public_safety_threat", $p, "open under the order");
            end

            rule "Law: no sharing for immigration"
                @provision("LAW-1")
            when
                $act : Act( kind == ActKind.SHARE_RECORD )
            then
                Conclude.prohibit(kcontext, $act, "shared, against the law");
            end
            """;

    private static SanctuaryEngine engine() throws RuleSetException {
        return SanctuaryEngine.of(RuleSet.compile("test", List.of(new SourceFile("rules/provisions.yaml", REGISTER),
                new SourceFile("rules/violent-or-serious-felonies.csv", "section,subdivisions,group\n160.15,,robbery\n"),
                new SourceFile("rules/test.drl", RULES))));
    }

    private static ActAssessment judge(SanctuaryEngine engine, Act act) {
        return engine.assess(new Case("c", act.date(), null, List.of(act))).acts().get(0);
    }

    private static Act.Builder act(ActKind kind) {
        return Act.builder("a", Agency.NYPD, kind, LocalDate.of(2025, 3, 1))
                .request(Requester.ICE_ERO, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT);
    }

    @Test
    void aBreachOfDepartmentPolicyIsNotAViolation() throws RuleSetException {
        ActAssessment a = judge(engine(), act(ActKind.HOLD_PAST_RELEASE).publicSafetyThreat(false).build());
        assertEquals(Verdict.COMPLIANT, a.verdict());
        assertEquals(PolicyOutcome.BREACH, a.policy());
        assertTrue(a.decisiveFindings().isEmpty(), "no department-policy finding decides the verdict");
        assertEquals(List.of("Order: members must not hold for immigration"),
                a.decisivePolicyFindings().stream().map(Finding::rule).toList());
        assertEquals(Binding.DEPARTMENT_POLICY, a.findings().get(0).binding());
    }

    @Test
    void aMissingFactOfTheOrderLeavesTheVerdictAlone() throws RuleSetException {
        ActAssessment a = judge(engine(), act(ActKind.HOLD_PAST_RELEASE).build());
        assertEquals(Verdict.COMPLIANT, a.verdict());
        assertEquals(List.of(), a.missingFacts());
        assertEquals(PolicyOutcome.INDETERMINATE, a.policy());
        assertEquals(List.of("acts[].public_safety_threat"), a.policyMissingFacts());
    }

    @Test
    void theLawStillDecidesTheVerdictBesideTheOrder() throws RuleSetException {
        ActAssessment a = judge(engine(), act(ActKind.SHARE_RECORD).build());
        assertEquals(Verdict.VIOLATION, a.verdict());
        assertEquals(PolicyOutcome.NOT_ADDRESSED, a.policy());
        Assessment both = engine().assess(new Case("c", LocalDate.of(2025, 3, 1), null, List.of(
                act(ActKind.SHARE_RECORD).build(),
                Act.builder("b", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2025, 3, 1))
                        .publicSafetyThreat(false).build())));
        assertEquals(Verdict.VIOLATION, both.verdict());
        assertEquals(PolicyOutcome.BREACH, both.policy());
    }

    @Test
    void theRegisterReadsBindingAndScope() throws RuleSetException {
        ProvisionRegister register = engine().ruleSet().provisions();
        assertTrue(register.find("ORDER-1").orElseThrow().departmentPolicy());
        assertFalse(register.find("LAW-1").orElseThrow().departmentPolicy());
        OrderScope scope = register.find("MAYOR-1").orElseThrow().scope();
        assertEquals(Set.of(Requester.ICE_HSI, Requester.FBI), scope.bodies());
        assertTrue(scope.allows(Purpose.CRIMINAL_INVESTIGATION));
        assertFalse(scope.covers(Requester.ICE_ERO));
    }

    @Test
    void anUnknownBindingIsAnErrorInTheRegister() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.compile("test", List.of(
                new SourceFile("rules/provisions.yaml", REGISTER.replace("department_policy", "advice")),
                new SourceFile("rules/violent-or-serious-felonies.csv", "section,subdivisions,group\n160.15,,robbery\n"),
                new SourceFile("rules/test.drl", RULES))));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("rules/provisions.yaml")), e.problems().toString());
    }
}
