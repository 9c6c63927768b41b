package dev.qcurate.system;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** axe-core on the page as it is now: any serious or critical violation fails, listed so a person can fix it. */
final class Accessibility {

    private static final Set<String> FAILING = Set.of("serious", "critical");

    private Accessibility() {}

    static void check(WebDriver driver, String page) {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING.contains(rule.getImpact()))
                .toList();
        if (!failing.isEmpty()) {
            throw new AssertionError("accessibility violations (serious/critical) on " + page + ":\n"
                    + failing.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
                + rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String summary =
                node.getFailureSummary() == null ? "" : node.getFailureSummary().replace("\n", "\n        ");
        return "      at " + node.getTarget() + "  " + abbreviated(node.getHtml()) + "\n        " + summary;
    }

    private static String abbreviated(String html) {
        return html == null || html.length() <= 160 ? String.valueOf(html) : html.substring(0, 157) + "...";
    }
}
