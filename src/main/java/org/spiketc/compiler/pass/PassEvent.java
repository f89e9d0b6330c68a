package org.spiketc.compiler.pass;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A JFR event per pass, so Java Mission Control shows a compile's passes on its timeline. */
@Name("org.spiketc.CompilerPass")
@Label("Compiler Pass")
@Category({"Spike-Transformer-Compiler", "Compiler"})
@Description("One optimization pass of a compilation")
class PassEvent extends Event {
    @Label("Pass")
    String pass;

    @Label("Nodes Before")
    int nodesBefore;

    @Label("Nodes After")
    int nodesAfter;

    @Label("Parameter Bytes After")
    @DataAmount
    long parameterBytesAfter;

    @Label("Failed")
    boolean failed;
}
