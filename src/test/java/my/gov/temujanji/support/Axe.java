package my.gov.temujanji.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (4.14.1, MPL-2.0, vendored under src/test/resources from {@code npm pack axe-core@4}) run on
 * the page a {@link Browser} shows: its serious and critical violations, each as one line.
 */
public final class Axe {

    private static final String SOURCE = source();

    private Axe() {
    }

    /** The serious and critical violations of the page as it is now, at the browser's current size. */
    public static List<String> seriousOrCritical(Browser browser) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        JavascriptExecutor page = browser.driver();
        page.executeScript(SOURCE);
        Object found = page.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                        .map(function (v) {
                            return v.id + ' (' + v.impact + '): ' + v.help + ' at '
                                + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ');
                        }));
                }).catch(function (e) { done(['axe failed: ' + e]); });""");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    private static String source() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe-core-4.14.1/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
