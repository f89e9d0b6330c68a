package org.spiketc.gui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * How ViewModels tell the user that something went wrong: what is wrong and what to do about it. The
 * workbench shows a dialog; tests record the messages. Always called on the UI thread.
 */
public interface DialogService {
    void error(String title, String problem, String whatToDo);

    /** Modal alerts over the workbench window. */
    static DialogService alerts(Supplier<Window> owner) {
        return (title, problem, whatToDo) -> {
            Alert a = new Alert(Alert.AlertType.ERROR, whatToDo, ButtonType.OK);
            a.setTitle(title);
            a.setHeaderText(problem);
            a.getDialogPane().getStyleClass().add("error-dialog");
            a.getDialogPane().setMinWidth(480);
            Window w = owner.get();
            if (w != null) {
                a.initOwner(w);
            }
            a.show();
        };
    }

    /** Keeps the messages, for tests. */
    final class Recording implements DialogService {
        /** One error as shown. */
        public record Message(String title, String problem, String whatToDo) {
        }

        private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void error(String title, String problem, String whatToDo) {
            messages.add(new Message(title, problem, whatToDo));
        }

        public List<Message> messages() {
            return List.copyOf(messages);
        }
    }
}
