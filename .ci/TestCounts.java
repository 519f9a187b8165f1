import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Fails when a suite's XML reports show fewer tests than the test sources hold.
 *
 * <p>Usage: {@code java .ci/TestCounts.java surefire|failsafe [--left-out=CLASS]... REPORTS_DIR SOURCE_DIR...}
 *
 * <p>Every class that the plugin's default includes select and that is not abstract and declares or inherits test
 * methods must have a {@code TEST-<class>.xml} report in REPORTS_DIR with at least one test per test method (a
 * parameterized method runs one or more), none skipped, failed or in error. A class named with {@code --left-out}
 * (fully qualified) is one this run leaves out on purpose (the native run leaves out the failover suite, which CI
 * runs against the jar only): it needs no report, but must be a test class of the sources, so that a rename cannot
 * leave a stale exception behind.
 */
class TestCounts {

    /** Maven's default includes of each plugin. */
    static final Map<String, Pattern> SUITES = Map.of(
            "surefire", Pattern.compile("Test\\w*|\\w*Test|\\w*Tests|\\w*TestCase"),
            "failsafe", Pattern.compile("IT\\w*|\\w*IT|\\w*ITCase"));

    static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(?:[\\w.]+\\.)?(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    /** The first name followed by "(" that is not an annotation's: the annotated method's. */
    static final Pattern METHOD_NAME = Pattern.compile("(?<![@\\w.$])([A-Za-z_$][\\w$]*)\\s*\\(");
    static final Pattern LITERALS_AND_COMMENTS =
            Pattern.compile("(?s)\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|//[^\\n]*|/\\*.*?\\*/");

    record Source(String name, boolean isAbstract, String superclass, Set<String> testMethods) {}

    record Report(int tests, int skipped, int failures, int errors) {}

    static final String LEFT_OUT = "--left-out=";

    public static void main(String[] arguments) throws Exception {
        Set<String> leftOut = new TreeSet<>();
        List<String> positional = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.startsWith(LEFT_OUT)) {
                leftOut.add(argument.substring(LEFT_OUT.length()));
            } else {
                positional.add(argument);
            }
        }
        String[] args = positional.toArray(String[]::new);
        if (args.length < 3 || !SUITES.containsKey(args[0])) {
            System.err.println("usage: java .ci/TestCounts.java surefire|failsafe [--left-out=CLASS]... REPORTS_DIR "
                    + "SOURCE_DIR...");
            System.exit(2);
        }
        String suite = args[0];
        Path reports = Path.of(args[1]);
        Map<String, Source> sources = new TreeMap<>();
        for (int i = 2; i < args.length; i++) {
            readSources(Path.of(args[i]), sources);
        }

        Pattern included = SUITES.get(suite);
        int classes = 0;
        int methods = 0;
        int tests = 0;
        int fallingShort = 0;
        for (Source source : sources.values()) {
            String simpleName = source.name().substring(source.name().lastIndexOf('.') + 1);
            int declared = testMethods(source, sources).size();
            if (source.isAbstract() || declared == 0 || !included.matcher(simpleName).matches()) {
                continue;
            }
            if (leftOut.remove(source.name())) {
                System.out.println("ci: " + suite + ": " + source.name() + " left out of this run on purpose");
                continue;
            }
            classes++;
            methods += declared;
            List<Path> files = reportsOf(source.name(), reports);
            List<String> problems = new ArrayList<>();
            if (files.isEmpty()) {
                problems.add("no report (" + reports.resolve("TEST-" + source.name() + ".xml") + ")");
            }
            for (Path file : files) {
                Report report = read(file);
                tests += report.tests();
                problems.addAll(problems(report, declared, file));
            }
            problems.forEach(problem -> System.err.println(
                    "ci: ERROR: " + suite + ": " + source.name() + ": " + problem));
            fallingShort += problems.isEmpty() ? 0 : 1;
        }

        if (!leftOut.isEmpty()) {
            System.err.println("ci: ERROR: " + suite + ": --left-out names no test class of the sources: " + leftOut);
            System.exit(1);
        }
        if (classes == 0) {
            System.err.println("ci: ERROR: " + suite + ": no test classes in " + List.of(args).subList(2, args.length));
            System.exit(1);
        }
        if (fallingShort > 0) {
            System.err.println("ci: ERROR: " + suite + ": " + fallingShort + " of " + classes
                    + " test classes fall short of the sources (reports: " + reports + ")");
            System.exit(1);
        }
        System.out.println("ci: " + suite + ": " + tests + " tests in " + classes + " classes, none skipped, as the "
                + "sources hold (" + methods + " test methods)");
    }

    /**
     * The class's reports: TEST-name.xml, and TEST-name-suffix.xml of each execution that runs it again with a
     * reportNameSuffix (failsafe's production-profile); a class name has no "-".
     */
    static List<Path> reportsOf(String className, Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.equals("TEST-" + className + ".xml")
                        || name.startsWith("TEST-" + className + "-") && name.endsWith(".xml");
            }).sorted().toList();
        }
    }

    static List<String> problems(Report report, int declared, Path file) {
        List<String> problems = new ArrayList<>();
        String where = " (" + file.getFileName() + ")";
        if (report.tests() < declared) {
            problems.add("ran " + tests(report.tests()) + ", the sources hold " + declared + " test methods" + where);
        }
        if (report.skipped() > 0) {
            problems.add("skipped " + report.skipped() + " of " + tests(report.tests()) + where);
        }
        if (report.failures() + report.errors() > 0) {
            problems.add(report.failures() + " failed and " + report.errors() + " in error" + where);
        }
        return problems;
    }

    static String tests(int count) {
        return count + (count == 1 ? " test" : " tests");
    }

    /** The test methods the class declares or inherits from a superclass in the sources. */
    static Set<String> testMethods(Source source, Map<String, Source> sources) {
        Set<String> methods = new LinkedHashSet<>(source.testMethods());
        Source superclass = superclass(source, sources);
        if (superclass != null) {
            methods.addAll(testMethods(superclass, sources));
        }
        return methods;
    }

    /** The superclass among the sources: in the same package, else the only one with that simple name. */
    static Source superclass(Source source, Map<String, Source> sources) {
        if (source.superclass() == null) {
            return null;
        }
        String samePackage = source.name().substring(0, source.name().lastIndexOf('.') + 1) + source.superclass();
        if (sources.containsKey(samePackage)) {
            return sources.get(samePackage);
        }
        List<Source> named = sources.values().stream()
                .filter(s -> s.name().endsWith("." + source.superclass()))
                .toList();
        return named.size() == 1 ? named.getFirst() : null;
    }

    static void readSources(Path root, Map<String, Source> sources) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = root.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                sources.put(name, parse(name, Files.readString(file)));
            }
        }
    }

    static Source parse(String name, String text) {
        String code = LITERALS_AND_COMMENTS.matcher(text).replaceAll(" ");
        String simpleName = name.substring(name.lastIndexOf('.') + 1);
        Matcher declaration = Pattern.compile("((?:\\w+\\s+)*)class\\s+" + Pattern.quote(simpleName)
                + "\\b(?:\\s*<[^{]*?>)?(?:\\s+extends\\s+(?:[\\w]+\\.)*(\\w+))?").matcher(code);
        boolean found = declaration.find();
        boolean isAbstract = found && declaration.group(1).matches("(?s).*\\babstract\\b.*");
        String superclass = found ? declaration.group(2) : null;

        Set<String> methods = new LinkedHashSet<>();
        Matcher annotation = TEST_ANNOTATION.matcher(code);
        while (annotation.find()) {
            Matcher method = METHOD_NAME.matcher(code);
            if (method.find(annotation.end())) {
                methods.add(method.group(1));
            }
        }
        return new Source(name, isAbstract, superclass, methods);
    }

    static Report read(Path file) throws Exception {
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
        return new Report(count(suite, "tests"), count(suite, "skipped"), count(suite, "failures"),
                count(suite, "errors"));
    }

    static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
