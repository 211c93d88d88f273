package dev.baton.designer.live;

import dev.baton.designer.ui.EditorTab;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine &gt; Deploy several…: the open diagrams as checkboxes (the current one ticked) and files added from disk,
 * deployed together in one deployment.
 */
public final class DeploySeveralDialog extends Dialog<DeploySeveralDialog.Selection> {

    /** What to deploy: open diagrams and files from disk. */
    public record Selection(List<EditorTab> tabs, List<Path> files) {}

    private final List<CheckBox> boxes = new ArrayList<>();
    private final ListView<Path> files = new ListView<>();

    public DeploySeveralDialog(List<EditorTab> open, EditorTab current, Window owner) {
        setTitle("Deploy several files together");
        setHeaderText("All of them go in one deployment: either every process is deployed, or none is.");
        if (owner != null) initOwner(owner);
        VBox tabs = new VBox(4);
        tabs.setId("deploy-several-tabs");
        for (EditorTab t : open) {
            CheckBox c = new CheckBox(MultiDeploy.fileName(t) + (t.editor().document().commands().isDirty() ? "  (unsaved changes included)" : ""));
            c.setUserData(t);
            c.setSelected(t == current);
            c.setId("deploy-tab-" + boxes.size());
            c.selectedProperty().addListener(o -> updateOk());
            boxes.add(c);
            tabs.getChildren().add(c);
        }
        if (boxes.isEmpty()) tabs.getChildren().add(new Label("No diagram is open: add files from disk."));
        files.setId("deploy-several-files");
        files.setPrefHeight(110);
        files.setPlaceholder(new Label("No file from disk."));
        Button add = new Button("Add files…");
        add.setId("deploy-several-add");
        add.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("BPMN files to deploy with the diagrams");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("BPMN", "*.bpmn", "*.bpmn20.xml", "*.xml"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            List<File> chosen = fc.showOpenMultipleDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) addFiles(chosen.stream().map(File::toPath).toList());
        });
        Button remove = new Button("Remove");
        remove.setId("deploy-several-remove");
        remove.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            files.getItems().remove(files.getSelectionModel().getSelectedItem());
            updateOk();
        });
        VBox content = new VBox(8, new Label("Open diagrams (as they are now, saved or not)"), tabs,
                new Label("Files from disk"), files, new HBox(6, add, remove));
        content.setPrefWidth(460);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Deploy");
        setResultConverter(b -> b == ButtonType.OK ? selection() : null);
        updateOk();
    }

    /** Adds files from disk (once each). */
    public void addFiles(List<Path> paths) {
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!files.getItems().contains(abs)) files.getItems().add(abs);
        }
        updateOk();
    }

    /** The ticked diagrams and the added files. */
    public Selection selection() {
        List<EditorTab> tabs = new ArrayList<>();
        for (CheckBox c : boxes) if (c.isSelected()) tabs.add((EditorTab) c.getUserData());
        return new Selection(tabs, List.copyOf(files.getItems()));
    }

    /** The checkboxes, in tab order. */
    public List<CheckBox> checkBoxes() { return List.copyOf(boxes); }

    private void updateOk() {
        Selection s = selection();
        getDialogPane().lookupButton(ButtonType.OK).setDisable(s.tabs().isEmpty() && s.files().isEmpty());
    }
}
