package dev.baton.designer.live;

import dev.baton.designer.ui.EditorTab;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.InstanceFamily;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.validation.Problem;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.baton.designer.live.LiveDesigner.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Engine &gt; Deploy several…: open diagrams (and files from disk) deployed together in one deployment to a real
 * embedded engine over HTTP; a caller and the process its call activity calls, and a refusal that deploys nothing
 * and puts the engine's problems on the diagram of the file they belong to.
 */
@ExtendWith(ApplicationExtension.class)
class DeploySeveralGuiTest {

    @TempDir static Path data;
    @TempDir Path dir;
    private LiveDesigner live;

    @Start
    void start(Stage stage) {
        live = LiveDesigner.start(stage, data, "baton-deploy-several-test-", 1300, 850);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void a_caller_and_its_callee_chosen_in_the_dialog_are_deployed_together_and_an_instance_runs_through_both(FxRobot robot) throws Exception {
        await(live.session::ready, "the engine");
        EditorTab callee = open(robot, "ms-callee.bpmn", "ms-callee.bpmn");
        EditorTab caller = open(robot, "ms-caller.bpmn", "ms-caller.bpmn");
        assertThat(live.window.current()).isSameAs(caller);

        // the dialog lists the open diagrams, only the current one ticked
        AtomicReference<DeploySeveralDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            DeploySeveralDialog d = new DeploySeveralDialog(live.window.editors(), live.window.current(), live.window.stage());
            dialog.set(d);
            d.show();
        });
        DeploySeveralDialog d = dialog.get();
        List<CheckBox> boxes = d.checkBoxes();
        List<String> labels = boxes.stream().map(CheckBox::getText).toList();
        assertThat(labels).contains("ms-caller.bpmn", "ms-callee.bpmn");
        CheckBox callerBox = boxes.stream().filter(b -> b.getUserData() == caller).findFirst().orElseThrow();
        CheckBox calleeBox = boxes.stream().filter(b -> b.getUserData() == callee).findFirst().orElseThrow();
        assertThat(callerBox.isSelected()).isTrue();
        assertThat(boxes.stream().filter(CheckBox::isSelected).count()).isEqualTo(1);
        robot.interact(() -> callerBox.setSelected(false));
        assertThat(d.getDialogPane().lookupButton(ButtonType.OK).isDisabled()).isTrue(); // nothing chosen
        robot.interact(() -> {
            callerBox.setSelected(true);
            calleeBox.setSelected(true);
        });
        assertThat(d.getDialogPane().lookupButton(ButtonType.OK).isDisabled()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, d, "deploy-several-dialog");
        robot.interact(() -> ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).fire());
        DeploySeveralDialog.Selection chosen = d.getResult();
        assertThat(chosen.tabs()).containsExactlyInAnyOrder(caller, callee);
        assertThat(chosen.files()).isEmpty();

        AtomicReference<CompletableFuture<DeploymentResult>> f = new AtomicReference<>();
        robot.interact(() -> f.set(live.session.deployTogether(chosen.tabs(), chosen.files())));
        DeploymentResult r = f.get().get(30, TimeUnit.SECONDS);

        // one deployment with both processes
        assertThat(r.definitions()).extracting(DefinitionSummary::processId).containsExactlyInAnyOrder("msCaller", "msCallee");
        List<DefinitionSummary> deployed = live.session.client().definitions().stream()
                .filter(x -> x.processId().startsWith("ms")).toList();
        assertThat(deployed).extracting(DefinitionSummary::deploymentId).containsOnly(r.id());
        assertThat(deployed).extracting(DefinitionSummary::sourceName).containsExactlyInAnyOrder("ms-caller.bpmn", "ms-callee.bpmn");
        assertThat(live.window.statusText()).startsWith("Deployed ms-callee.bpmn, ms-caller.bpmn together"); // in tab order
        // each tab now monitors its own process
        await(() -> live.session.monitor(caller) != null && live.session.monitor(callee) != null, "the monitors");
        assertThat(live.session.monitor(caller).processId()).isEqualTo("msCaller");
        assertThat(live.session.monitor(callee).processId()).isEqualTo("msCallee");

        // started from the form: the variables must be a JSON object, the business key is trimmed
        AtomicReference<javafx.scene.control.Dialog<LiveSession.StartForm>> form = new AtomicReference<>();
        robot.interact(() -> {
            form.set(live.session.startForm("msCaller"));
            form.get().show();
        });
        var pane = form.get().getDialogPane();
        javafx.scene.control.TextArea vars = (javafx.scene.control.TextArea) pane.lookup("#start-variables");
        javafx.scene.control.TextField key = (javafx.scene.control.TextField) pane.lookup("#start-business-key");
        javafx.scene.control.Label error = (javafx.scene.control.Label) pane.lookup("#start-variables-error");
        robot.interact(() -> vars.setText("{\"claim\": "));
        assertThat(error.getText()).startsWith("Not JSON at line 1");
        assertThat(pane.lookupButton(ButtonType.OK).isDisabled()).isTrue();
        robot.interact(() -> vars.setText("[\"c-1\"]"));
        assertThat(error.getText()).contains("must be a JSON object");
        assertThat(pane.lookupButton(ButtonType.OK).isDisabled()).isTrue();
        robot.interact(() -> {
            vars.setText("{\"claim\": \"c-1\", \"amount\": 120}");
            key.setText("  claim-1 ");
        });
        assertThat(error.getText()).isEmpty();
        assertThat(pane.lookupButton(ButtonType.OK).isDisabled()).isFalse();
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(ButtonType.OK)).fire());
        LiveSession.StartForm filled = form.get().getResult();
        assertThat(filled.businessKey()).isEqualTo("claim-1");
        robot.interact(() -> live.session.start("msCaller", filled));
        String callerDef = live.session.monitor(caller).definitionId();
        await(() -> live.session.client().instances(callerDef, null, "claim-1", 0, 10).total() == 1, "the instance started from the form");
        InstanceView parent = live.session.client().instance(live.session.client().instances(callerDef, null, "claim-1", 0, 10).items().get(0).id());
        assertThat(parent.variables()).containsEntry("claim", "c-1").containsEntry("amount", 120);
        await(() -> live.session.client().instance(parent.id()).state() == InstanceState.COMPLETED, "the caller to complete");
        InstanceFamily family = live.session.client().family(parent.id());
        assertThat(family.childInstanceIds()).hasSize(1);
        String child = family.childInstanceIds().get(0);
        InstanceView childView = live.session.client().instance(child);
        assertThat(childView.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(childView.definitionId()).isEqualTo(live.session.monitor(callee).definitionId());
        assertThat(live.session.client().history(child)).anyMatch(e -> "Assess".equals(e.elementId()));
        assertThat(live.session.client().history(parent.id())).anyMatch(e -> "ClaimDone".equals(e.elementId()));
        await(() -> live.session.monitor(caller).counts("ClaimDone")[2] == 1 && live.session.monitor(callee).counts("Assessed")[2] == 1,
                "both monitors to count the finished instances");
    }

    @Test
    void when_the_second_file_has_an_error_nothing_is_deployed_and_the_problems_are_on_its_diagram(FxRobot robot) throws Exception {
        await(live.session::ready, "the engine");
        EditorTab caller = open(robot, "ms-caller.bpmn", "ms-caller.bpmn");
        EditorTab callee = open(robot, "ms-callee-broken.bpmn", "ms-callee.bpmn");
        // a file from disk, not open, with an error of its own
        Path extra = dir.resolve("extra-broken.bpmn");
        Files.writeString(extra, LiveDesigner.resource("live/ms-callee-broken.bpmn").replace("msCallee", "msExtra").replace("AskExpert", "AskLawyer"));
        List<DefinitionSummary> before = live.session.client().definitions();
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<CompletableFuture<DeploymentResult>> f = new AtomicReference<>();
        robot.interact(() -> f.set(live.session.deployTogether(List.of(caller, callee), List.of(extra))));
        assertThatThrownBy(() -> f.get().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(EngineClient.EngineException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problems()).anyMatch(p -> "ms-callee.bpmn".equals(p.file()) && "AskExpert".equals(p.elementId()));
                    assertThat(e.problems()).noneMatch(p -> "ms-caller.bpmn".equals(p.file()));
                });

        // nothing was deployed, not even the caller that had no problem
        assertThat(live.session.client().definitions()).isEqualTo(before);
        assertThat(live.session.client().definitions()).noneMatch(x -> x.processId().startsWith("ms"));

        // the problem is on the broken element of the callee's diagram, with file and line
        List<Problem> onCallee = engineProblems(callee);
        assertThat(onCallee.stream().filter(p -> p.elementId() != null)).isNotEmpty()
                .allMatch(p -> p.message().startsWith("Engine (ms-callee.bpmn, line "));
        Problem expert = onCallee.stream().filter(p -> "AskExpert".equals(p.elementId())).findFirst().orElseThrow();
        assertThat(expert.line()).isPositive();
        assertThat(expert.isError()).isTrue();
        assertThat(live.window.current()).isSameAs(callee);
        // the caller's diagram gets none of them; the problem of the file from disk (not open) is listed in the shown
        // diagram's panel, its element named in words (not drawn: that element is not on this diagram)
        assertThat(engineProblems(caller)).isEmpty();
        assertThat(engineProblems(callee)).anyMatch(p -> p.elementId() == null && p.message().startsWith("Engine (extra-broken.bpmn, line ")
                && p.message().contains("element AskLawyer"));
        assertThat(live.window.statusText()).startsWith("The engine refused ms-caller.bpmn, ms-callee.bpmn, extra-broken.bpmn, nothing was deployed");
        // the problems stay (the designer's own validation does not wipe them)
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engineProblems(callee)).anyMatch(p -> "AskExpert".equals(p.elementId()));
        shot(robot, null, "deploy-several-refused");

        // fixed, deployed again: the engine's problems go away and both processes are deployed
        Files.writeString(dir.resolve("ms-callee.bpmn"), LiveDesigner.resource("live/ms-callee.bpmn"));
        AtomicReference<EditorTab> fixed = new AtomicReference<>();
        robot.interact(() -> {
            callee.getTabPane().getTabs().remove(callee);
            fixed.set(live.window.open(dir.resolve("ms-callee.bpmn")));
        });
        robot.interact(() -> f.set(live.session.deployTogether(List.of(caller, fixed.get()), List.of())));
        f.get().get(30, TimeUnit.SECONDS);
        assertThat(engineProblems(caller)).isEmpty();
        assertThat(live.session.client().definitions()).extracting(DefinitionSummary::processId).contains("msCaller", "msCallee");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Problem> engineProblems(EditorTab t) {
        return t.editor().problems().stream().filter(p -> MultiDeploy.RULE.equals(p.rule())).toList();
    }

    /** Writes a test resource to the temp folder under a name and opens it in a tab. */
    private EditorTab open(FxRobot robot, String resource, String as) throws Exception {
        Path p = dir.resolve(as);
        Files.writeString(p, LiveDesigner.resource("live/" + resource));
        AtomicReference<EditorTab> t = new AtomicReference<>();
        robot.interact(() -> t.set(live.window.open(p)));
        assertThat(t.get()).as("opened " + as).isNotNull();
        return t.get();
    }

    /** The dialog (or, with null, the window) as a PNG under target/screenshots. */
    private Path shot(FxRobot robot, DeploySeveralDialog d, String name) throws Exception {
        return LiveDesigner.shot(robot, () -> d == null ? live.window.stage().getScene() : d.getDialogPane().getScene(), name);
    }
}
