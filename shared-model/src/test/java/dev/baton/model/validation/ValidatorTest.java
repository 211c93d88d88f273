package dev.baton.model.validation;

import static dev.baton.model.validation.Bpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The validator as the CLI and the designer use it: the rule catalogue, which rules run, and the order of problems. */
class ValidatorTest {

    /** bpmnlint's recommended configuration as docs/validation.md lists it (reference/lint-rules.md). */
    static final Map<String, Severity> RECOMMENDED = new LinkedHashMap<>();

    static {
        for (String e : List.of("ad-hoc-sub-process", "conditional-flows", "end-event-required", "event-based-gateway",
                "event-sub-process-typed-start-event", "label-required", "link-event", "no-bpmndi", "no-complex-gateway",
                "no-disconnected", "no-duplicate-sequence-flows", "no-gateway-join-fork", "no-implicit-split", "no-implicit-end",
                "no-implicit-start", "single-blank-start-event", "single-event-definition", "start-event-required",
                "sub-process-blank-start-event")) {
            RECOMMENDED.put(e, Severity.ERROR);
        }
        for (String w : List.of("fake-join", "global", "no-inclusive-gateway", "no-overlapping-elements", "superfluous-gateway",
                "superfluous-termination")) {
            RECOMMENDED.put(w, Severity.WARNING);
        }
    }

    @Test
    void everyRuleHasAUniqueNameAndADescription() {
        List<Rule> rules = Validator.allRules();

        assertThat(rules).extracting(Rule::name).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.description()).as(r.name()).isNotBlank().endsWith(".");
            assertThat(r.defaultSeverity()).as(r.name()).isNotNull();
        });
    }

    @Test
    void allTwentyFiveRecommendedBpmnlintRulesExistUnderTheirNamesAndSeverities() {
        Map<String, Severity> ours = Validator.allRules().stream().filter(r -> r.origin() == Rule.Origin.BPMNLINT)
                .collect(Collectors.toMap(Rule::name, Rule::defaultSeverity));

        assertThat(RECOMMENDED).hasSize(25);
        RECOMMENDED.forEach((name, severity) -> assertThat(ours).as(name).containsEntry(name, severity));
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(RECOMMENDED.keySet().stream(), java.util.stream.Stream.of("conditional-event", "standard-size")).toList());
    }

    @Test
    void batonsOwnRulesAreExecutabilityRulesPrefixedExec() {
        assertThat(Validator.allRules()).filteredOn(r -> r.origin() == Rule.Origin.BATON)
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.name()).startsWith("exec-");
                    assertThat(r.kind()).isEqualTo(Rule.Kind.EXECUTABILITY);
                });
    }

    @Test
    void standardSizeIsListedButOffByDefault() {
        Definitions d = doc().process("P", true, p -> p.start("s").end("e").chain("s", "e"))
                .shape("s", 0, 0, 40, 40).shape("e", 100, 0, 36, 36).edge("Flow_s_e").build();

        assertThat(Validator.rule("standard-size")).hasValueSatisfying(r -> assertThat(r.enabledByDefault()).isFalse());
        assertThat(new Validator().rules()).extracting(Rule::name).doesNotContain("standard-size");
        assertThat(new Validator().validate(d)).extracting(Problem::rule).doesNotContain("standard-size");
        assertThat(new Validator(Validator.allRules()).validate(d)).extracting(Problem::rule).contains("standard-size");
    }

    @Test
    void aSmallCorrectDrawnProcessHasNoProblemsAtAll() {
        Definitions d = doc().process("P", true, p -> p.start("s").service("t", "Charge card", ExecutabilityRulesTest.HTTP)
                        .gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).end("ok").end("failed")
                        .chain("s", "t", "g").when("yes", "g", "ok", "${paid}").flow("no", "g", "failed").defaultFlow("g", "no"))
                .shape("s", 0, 0, 36, 36).shape("t", 100, 0, 100, 80).shape("g", 250, 0, 50, 50)
                .shape("ok", 350, 0, 36, 36).shape("failed", 350, 100, 36, 36)
                .edge("Flow_s_t").edge("Flow_t_g").edge("yes").edge("no").build();

        assertThat(new Validator(Validator.allRules()).validate(d)).isEmpty();
    }

    @Test
    void problemsComeInDocumentOrderAndModellingAndExecutabilityCanBeAskedForApart() {
        Definitions d = process(p -> p.start("s").task("first", "First").task("lost", null, ElementKind.SERVICE_TASK).end("e")
                .chain("s", "first", "e"));

        List<Problem> all = new Validator().validate(d);
        // no diagram, so every element gets no-bpmndi: the problems walk the file top to bottom
        assertThat(all.stream().map(Problem::elementId).distinct())
                .containsExactly("s", "first", "lost", "e", "Flow_s_first", "Flow_first_e");
        assertThat(all).filteredOn(p -> "lost".equals(p.elementId())).extracting(Problem::rule)
                .containsExactly("label-required", "no-bpmndi", "no-disconnected", "no-implicit-end", "no-implicit-start",
                        "exec-service-implementation");

        Set<String> modelling = new Validator().validateModelling(d).stream().map(Problem::rule).collect(Collectors.toSet());
        Set<String> exec = new Validator().validateExecutability(d).stream().map(Problem::rule).collect(Collectors.toSet());
        assertThat(modelling).isNotEmpty().noneMatch(r -> r.startsWith("exec-"));
        assertThat(exec).containsExactly("exec-service-implementation");
    }

    @Test
    void aValidatorRefusesTheSameRuleTwice() {
        Rule r = Validator.rule("fake-join").orElseThrow();
        assertThatThrownBy(() -> new Validator(List.of(r, r))).hasMessageContaining("fake-join");
    }

    @Test
    void theRuleTableInTheDocumentationListsEveryRuleWithItsSeverity() throws java.io.IOException {
        java.nio.file.Path doc = null;
        for (java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath(); dir != null && doc == null; dir = dir.getParent()) {
            java.nio.file.Path candidate = dir.resolve("docs").resolve("validation.md");
            if (java.nio.file.Files.isRegularFile(candidate)) doc = candidate;
        }
        assertThat(doc).as("docs/validation.md above the module").isNotNull();
        String text = java.nio.file.Files.readString(doc);

        for (Rule r : Validator.allRules()) {
            String severity = r.defaultSeverity() == Severity.ERROR ? "error" : "warning";
            assertThat(text).as(r.name()).containsPattern("\\| `" + java.util.regex.Pattern.quote(r.name()) + "` \\| " + severity + "[ (]");
        }
    }
}
