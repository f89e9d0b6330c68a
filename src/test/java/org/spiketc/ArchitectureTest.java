package org.spiketc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.emulator.ChipEmulator;

/** The pipeline's stages depend only on earlier stages, and the engine never touches JavaFX. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.spiketc");
    }

    @Test
    void eachStageDependsOnlyOnEarlierStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("common").definedBy("org.spiketc.common..")
                .layer("tensor").definedBy("org.spiketc.tensor..")
                .layer("data").definedBy("org.spiketc.data..")
                .layer("model").definedBy("org.spiketc.model..")
                .layer("hw").definedBy("org.spiketc.hw..")
                .layer("ir").definedBy("org.spiketc.compiler.ir..")
                .layer("frontend").definedBy("org.spiketc.compiler.frontend..")
                .layer("pass").definedBy("org.spiketc.compiler.pass")
                .layer("passes").definedBy("org.spiketc.compiler.passes..")
                .layer("mapping").definedBy("org.spiketc.compiler.mapping..")
                .layer("codegen").definedBy("org.spiketc.compiler.codegen..")
                .layer("driver").definedBy("org.spiketc.compiler.driver..")
                .layer("sim").definedBy("org.spiketc.sim..")
                .layer("analysis").definedBy("org.spiketc.analysis..")
                .layer("result").definedBy("org.spiketc.result..")
                .layer("report").definedBy("org.spiketc.report..")
                .layer("run").definedBy("org.spiketc.run..")
                .layer("bench").definedBy("org.spiketc.bench..")
                .layer("store").definedBy("org.spiketc.store..")
                .layer("gui").definedBy("org.spiketc.gui..")
                .layer("cli").definedBy("org.spiketc.cli..")
                .layer("app").definedBy("org.spiketc.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("gui").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("gui", "cli", "app")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("gui", "cli", "app")
                .whereLayer("run").mayOnlyBeAccessedByLayers("bench", "store", "gui", "cli", "app")
                .whereLayer("result").mayOnlyBeAccessedByLayers("report", "run", "bench", "store", "gui", "cli", "app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("run", "bench", "store", "gui", "cli", "app")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("result", "report", "run", "bench", "store", "gui", "cli", "app")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("report", "run", "bench", "store", "gui", "cli", "app")
                .whereLayer("driver").mayOnlyBeAccessedByLayers("report", "run", "bench", "gui", "cli", "app")
                .whereLayer("codegen").mayOnlyBeAccessedByLayers("driver", "sim", "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("codegen", "driver", "sim", "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("passes").mayOnlyBeAccessedByLayers("mapping", "codegen", "driver", "sim", "result", "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("pass").mayOnlyBeAccessedByLayers("passes", "mapping", "codegen", "driver", "sim", "result", "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("frontend").mayOnlyBeAccessedByLayers("pass", "passes", "mapping", "codegen", "driver", "sim", "report", "run",
                        "bench", "gui", "cli", "app")
                .whereLayer("ir").mayOnlyBeAccessedByLayers("frontend", "pass", "passes", "mapping", "codegen", "driver", "sim",
                        "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("hw").mayOnlyBeAccessedByLayers("ir", "frontend", "pass", "passes", "mapping", "codegen", "driver", "sim",
                        "result", "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("model").mayOnlyBeAccessedByLayers("hw", "ir", "frontend", "pass", "passes", "mapping", "codegen",
                        "driver", "sim", "result", "report", "run", "bench", "gui", "cli", "app")
                .whereLayer("data").mayOnlyBeAccessedByLayers("sim", "report", "run", "bench", "gui", "cli", "app")
                .because("data flows one way through the pipeline (compiler, then runtime, then results)")
                .check(classes);
    }

    @Test
    void noEnginePackageImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.spiketc.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                .because("the CLI, the benchmarks and the GUI drive the same engine, which must run headless")
                .check(classes);
    }

    @Test
    void theCompilerNeverReachesTheReportsOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.spiketc.compiler..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spiketc.report..", "org.spiketc.cli..", "org.spiketc.app..")
                .because("the compiler is a library the CLI, benchmarks and GUI call")
                .check(classes);
    }

    @Test
    void onlyTheResultModelBuildsResultJson() {
        Set<String> trees = Set.of(ObjectNode.class.getName(), ArrayNode.class.getName());
        Set<String> factories = Set.of(ObjectMapper.class.getName(), JsonNodeFactory.class.getName());
        DescribedPredicate<JavaMethodCall> buildsATree = DescribedPredicate.describe("build or change a JSON tree", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return trees.contains(owner) && name.matches("(put|set|add|insert|remove|replace).*")
                    || factories.contains(owner) && name.matches("createObjectNode|createArrayNode|objectNode|arrayNode");
        });
        noClasses().that().resideInAnyPackage("org.spiketc.cli..", "org.spiketc.gui..", "org.spiketc.bench..")
                .should().callMethodWhere(buildsATree)
                .because("results are built by org.spiketc.result and written by its one writer, so their units, directions "
                        + "and format are declared in one place")
                .check(classes);
    }

    @Test
    void onlyTheRunServiceCompilesOrRunsImages() {
        noClasses().that().resideInAnyPackage("org.spiketc.cli..", "org.spiketc.gui..", "org.spiketc.bench..")
                .should().callMethodWhere(DescribedPredicate.describe("Evaluation.run or Compiler.compile",
                        call -> call.getTargetOwner().isEquivalentTo(Evaluation.class) && call.getName().equals("run")
                                || call.getTargetOwner().isEquivalentTo(Compiler.class) && call.getName().equals("compile")))
                .orShould().callConstructor(ChipEmulator.class, BinaryProgram.class, HardwareProfile.class)
                .orShould().callConstructor(ChipEmulator.class, BinaryProgram.class, HardwareProfile.class, boolean.class)
                .because("the command line, the workbench and the benchmarks drive the same headless runs through "
                        + "org.spiketc.run.RunService, so a run means the same thing wherever it was started")
                .check(classes);
    }
}
