package org.spiketc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build fuzzes each class of this package in its own JVM (pom.xml, execution "fuzz"), because
 * Jazzer fuzzes only the first {@code @FuzzTest} it meets in a JVM and silently skips the others.
 * So every fuzz test must be the only one of its class, in a class named {@code *FuzzTest}.
 */
class FuzzTestConventionTest {
    @Test
    void eachFuzzTestIsTheOnlyOneOfItsClassAndTheClassIsPickedUpByTheFuzzExecution() throws Exception {
        List<String> problems = new ArrayList<>();
        int fuzzTests = 0;
        for (Class<?> c : classesOfThisPackage()) {
            long n = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FuzzTest.class)).count();
            fuzzTests += (int) n;
            if (n > 1) {
                problems.add(c.getSimpleName() + " has " + n + " @FuzzTest methods ("
                        + String.join(", ", Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FuzzTest.class))
                                .map(Method::getName).toList())
                        + "): only the first would be fuzzed; give each its own class");
            }
            if (n > 0 && !c.getSimpleName().endsWith("FuzzTest")) {
                problems.add(c.getSimpleName() + " holds a @FuzzTest but its name does not end in FuzzTest: the build would never fuzz it");
            }
        }
        assertThat(problems).as("fuzz test layout").isEmpty();
        assertThat(fuzzTests).as("fuzz tests found").isGreaterThanOrEqualTo(5);
    }

    private static List<Class<?>> classesOfThisPackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(FuzzTestConventionTest.class.getResource("").toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                out.add(Class.forName(FuzzTestConventionTest.class.getPackageName() + "." + name, false,
                        FuzzTestConventionTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
