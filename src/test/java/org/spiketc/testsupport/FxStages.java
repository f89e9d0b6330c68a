package org.spiketc.testsupport;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What a TestFX {@code @Start} method does with the stage it is given: shows the content under test in
 * a window of the given size (headless under Monocle, see the surefire settings in {@code pom.xml}).
 */
public final class FxStages {
    private FxStages() {
    }

    public static void show(Stage stage, Parent content, double width, double height) {
        stage.setScene(new Scene(content, width, height));
        stage.show();
    }
}
