package my.gov.temujanji;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TemujanjiApplication.class);

    @Test
    void capabilitiesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /** Regenerates docs/modules (committed): the module diagram, one diagram and one canvas per capability. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortListings(Path.of("docs/modules"));

        assertThat(Path.of("docs/modules/components.puml")).exists();
        assertThat(Path.of("docs/modules/module-booking.puml")).exists();
        assertThat(Path.of("docs/modules/module-booking.adoc")).exists();
    }

    /**
     * The Documenter lists relations, beans and events in the order of hash sets, which changes from run to
     * run; sorted, a run that changed nothing leaves the committed files as they are.
     */
    private static void sortListings(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> sorted = new ArrayList<>();
                for (int i = 0; i < lines.size(); ) {
                    int end = i + 1;
                    if (lines.get(i).startsWith("Rel(")) {
                        while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
                            end++;
                        }
                        sorted.addAll(lines.subList(i, end).stream().sorted().toList());
                    } else if (lines.get(i).startsWith("* ") || lines.get(i).startsWith("|* ")) {
                        // An AsciiDoc table cell's list: its first item carries the cell's "|".
                        while (end < lines.size() && lines.get(end).startsWith("* ")) {
                            end++;
                        }
                        boolean cell = lines.get(i).startsWith("|");
                        List<String> items = new ArrayList<>(lines.subList(i, end).stream()
                                .map(line -> line.startsWith("|") ? line.substring(1) : line).sorted().toList());
                        if (cell) {
                            items.set(0, "|" + items.get(0));
                        }
                        sorted.addAll(items);
                    } else {
                        sorted.add(lines.get(i));
                    }
                    i = end;
                }
                Files.write(file, sorted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
