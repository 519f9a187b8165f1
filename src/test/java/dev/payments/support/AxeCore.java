package dev.payments.support;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility engine, from the npm registry at the version src/test/browser/package-lock.json pins
 * (installed once per run into target/browser-tools), run inside the page under test.
 */
public final class AxeCore {

    private static final Path PACKAGE = Path.of("src", "test", "browser");
    private static final Path INSTALLED = Path.of("target", "browser-tools");
    /** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
    private static final String RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']";

    private static String source;

    private AxeCore() {
    }

    /** The serious and critical violations on the page as it is now, one line each: rule, help and where. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) throws IOException, InterruptedException {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        // run as the driver's script, which the page's Content-Security-Policy does not apply to
        page.executeScript(source());
        return (List<String>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: %s}})
                    .then(result => done(result.violations
                        .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                        .map(violation => `${violation.id} (${violation.impact}): ${violation.help} at `
                            + violation.nodes.map(node => node.target.join(' ')).join(', '))))
                    .catch(failure => done([`axe-core failed: ${failure}`]));
                """.formatted(RULES));
    }

    private static synchronized String source() throws IOException, InterruptedException {
        if (source == null) {
            Files.createDirectories(INSTALLED);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(PACKAGE.resolve(file), INSTALLED.resolve(file), REPLACE_EXISTING);
            }
            NodeTools.Run install = NodeTools.run(INSTALLED, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci of axe-core failed:\n" + install.output());
            }
            source = Files.readString(INSTALLED.resolve(Path.of("node_modules", "axe-core", "axe.min.js")));
        }
        return source;
    }
}
