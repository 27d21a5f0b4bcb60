package dev.vyuha.app;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module rules of ../shared/ARCHITECTURE.md §2, checked on the source code itself (the enforcer plugin checks the
 * declared dependencies; this catches a fully-qualified name, a clock read or a thread in the pure core). Runs from
 * engine-app because it is the module that sees every other one.
 */
class ModuleBoundariesTest
{
    private static final List<String> ENGINE_MODULE_PACKAGES = List.of("dev.vyuha.engine");
    private static final List<String> EDGE_PACKAGES = List.of("dev.vyuha.journal", "dev.vyuha.feed",
        "dev.vyuha.gateway", "dev.vyuha.admin", "dev.vyuha.app", "dev.vyuha.kitesim");
    private static final List<String> THIRD_PARTY = List.of("com.lmax", "net.openhft", "io.aeron", "io.javalin",
        "com.zerodhatech", "org.eclipse.collections", "org.agrona", "com.fasterxml", "org.slf4j", "org.eclipse.jetty");

    private record Rule(String module, String packageRoot, List<String> forbiddenPackages)
    {
    }

    private static final List<Rule> RULES = List.of(
        new Rule("schemas", "dev.vyuha", concat(List.of("dev.vyuha.engine", "com.lmax", "net.openhft", "io.aeron",
            "io.javalin", "com.zerodhatech", "org.eclipse.collections"), EDGE_PACKAGES)),
        new Rule("market-reference", "dev.vyuha.reference", concat(concat(THIRD_PARTY, ENGINE_MODULE_PACKAGES),
            concat(EDGE_PACKAGES, List.of("dev.vyuha.sbe", "dev.vyuha.wire", "java.net", "java.nio.file")))),
        new Rule("engine-core", "dev.vyuha.engine", concat(List.of("net.openhft", "io.aeron", "io.javalin",
            "com.zerodhatech", "org.eclipse.jetty", "java.net", "java.nio.file", "java.nio.channels", "java.sql",
            "org.slf4j"), EDGE_PACKAGES)),
        new Rule("journal", "dev.vyuha.journal", List.of("io.aeron", "io.javalin", "com.zerodhatech",
            "dev.vyuha.feed", "dev.vyuha.gateway", "dev.vyuha.admin", "dev.vyuha.app", "dev.vyuha.kitesim")),
        new Rule("kite-simulator", "dev.vyuha.kitesim", concat(ENGINE_MODULE_PACKAGES, List.of("net.openhft",
            "io.aeron", "dev.vyuha.journal", "dev.vyuha.feed", "dev.vyuha.gateway", "dev.vyuha.admin",
            "dev.vyuha.app", "dev.vyuha.sbe", "dev.vyuha.wire"))),
        new Rule("marketdata-feed", "dev.vyuha.feed", concat(ENGINE_MODULE_PACKAGES, List.of("net.openhft",
            "io.javalin", "dev.vyuha.journal", "dev.vyuha.gateway", "dev.vyuha.admin", "dev.vyuha.app",
            "dev.vyuha.kitesim"))),
        new Rule("gateway-zerodha", "dev.vyuha.gateway", concat(ENGINE_MODULE_PACKAGES, List.of("net.openhft",
            "io.javalin", "dev.vyuha.journal", "dev.vyuha.feed", "dev.vyuha.admin", "dev.vyuha.app",
            "dev.vyuha.kitesim"))),
        new Rule("admin-api", "dev.vyuha.admin", List.of("io.aeron", "net.openhft", "com.zerodhatech",
            "dev.vyuha.journal", "dev.vyuha.feed", "dev.vyuha.gateway", "dev.vyuha.app", "dev.vyuha.kitesim")),
        new Rule("engine-app", "dev.vyuha.app", List.of("dev.vyuha.kitesim")),
        new Rule("benchmarks", "dev.vyuha.bench", List.of()));

    /** Calls that make the core impure: clocks, randomness, ad-hoc threads, files. */
    private static final Map<String, Pattern> IMPURE_CALLS = Map.of(
        "reads a clock", Pattern.compile(
            "System\\.(currentTimeMillis|nanoTime)\\s*\\(|\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime"
                + "|OffsetDateTime|Year|YearMonth)\\.now\\s*\\(|Clock\\.system"),
        "uses randomness", Pattern.compile("new\\s+(java\\.util\\.)?Random\\s*\\(|Math\\.random\\s*\\(|ThreadLocalRandom"
            + "|SecureRandom"),
        "opens files", Pattern.compile("new\\s+(java\\.io\\.)?(File|FileInputStream|FileOutputStream|FileReader"
            + "|FileWriter|RandomAccessFile)\\s*\\("),
        "reads the environment", Pattern.compile("System\\.(getenv|getProperty)\\s*\\("));

    private static final Pattern THREAD_START = Pattern.compile("new\\s+Thread\\s*\\(|Executors\\.|\\.start\\s*\\(\\s*\\)");
    private static final Pattern DUMPING_GROUND = Pattern.compile("\\.(util|utils|common|commons|helpers|misc)(\\.|;)");

    private static final Path ROOT = locateProjectRoot();

    @TestFactory
    Stream<DynamicTest> shouldKeepEveryModuleInsideItsAllowedDependencies()
    {
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.module(), () ->
        {
            final List<String> violations = new ArrayList<>();
            for (final Path source : mainSources(rule.module()))
            {
                final String code = stripCommentsAndStrings(read(source));
                for (final String forbidden : rule.forbiddenPackages())
                {
                    if (Pattern.compile("\\b" + Pattern.quote(forbidden) + "\\.").matcher(code).find())
                    {
                        violations.add(relative(source) + " uses " + forbidden);
                    }
                }
                final Matcher pkg = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;").matcher(code);
                if (pkg.find() && !isUnder(pkg.group(1), rule.packageRoot())
                    && !("schemas".equals(rule.module()) && isUnder(pkg.group(1), "dev.vyuha.wire")))
                {
                    violations.add(relative(source) + " is in package " + pkg.group(1) + ", outside "
                        + rule.packageRoot());
                }
            }
            assertEquals(List.of(), violations);
        }));
    }

    @Test
    void shouldKeepEngineCoreAndMarketReferencePure()
    {
        final List<String> violations = new ArrayList<>();
        for (final Path source : concat(mainSources("engine-core"), mainSources("market-reference")))
        {
            final String code = stripCommentsAndStrings(read(source));
            IMPURE_CALLS.forEach((what, pattern) ->
            {
                if (pattern.matcher(code).find())
                {
                    violations.add(relative(source) + " " + what);
                }
            });
            final boolean runtimePackage = relative(source).contains("/dev/vyuha/engine/runtime/");
            if (!runtimePackage && THREAD_START.matcher(code).find())
            {
                violations.add(relative(source) + " starts threads outside the runtime package");
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void shouldHaveNoDumpingGroundPackages()
    {
        final List<String> violations = new ArrayList<>();
        for (final Rule rule : RULES)
        {
            for (final Path source : concat(mainSources(rule.module()), testSources(rule.module())))
            {
                final Matcher pkg = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;").matcher(read(source));
                if (pkg.find() && DUMPING_GROUND.matcher(pkg.group(1) + ";").find())
                {
                    violations.add(relative(source) + " lives in package " + pkg.group(1));
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void shouldDetectAForbiddenReferenceEvenWithoutAnImport()
    {
        final String code = stripCommentsAndStrings("""
            package dev.vyuha.engine.x;
            // io.aeron.Aeron in a comment does not count
            class X { String s = "net.openhft.chronicle in a string does not count";
                Object a = new io.aeron.Aeron.Context(); long t = System.nanoTime(); }
            """);
        assertTrue(Pattern.compile("\\bio\\.aeron\\.").matcher(code).find());
        assertTrue(!code.contains("net.openhft"));
        assertTrue(IMPURE_CALLS.get("reads a clock").matcher(code).find());
    }

    @Test
    void shouldFindTheSourcesOfEveryModule()
    {
        for (final Rule rule : RULES)
        {
            assertTrue(Files.isDirectory(ROOT.resolve(rule.module()).resolve("src/main/java")),
                rule.module() + " has no src/main/java under " + ROOT);
        }
        assertTrue(mainSources("schemas").size() > 3);
    }

    private static List<Path> mainSources(final String module)
    {
        return javaFiles(ROOT.resolve(module).resolve("src/main/java"));
    }

    private static List<Path> testSources(final String module)
    {
        return javaFiles(ROOT.resolve(module).resolve("src/test/java"));
    }

    private static List<Path> javaFiles(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory))
        {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Removes comments and string/char literals so only code is searched. */
    static String stripCommentsAndStrings(final String source)
    {
        final StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length())
        {
            final char c = source.charAt(i);
            if (source.startsWith("//", i))
            {
                while (i < source.length() && source.charAt(i) != '\n')
                {
                    i++;
                }
            }
            else if (source.startsWith("/*", i))
            {
                final int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            }
            else if (source.startsWith("\"\"\"", i))
            {
                final int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                code.append("\"\"");
            }
            else if (c == '"' || c == '\'')
            {
                i++;
                while (i < source.length() && source.charAt(i) != c)
                {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append(c).append(c);
            }
            else
            {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static boolean isUnder(final String pkg, final String root)
    {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    private static String read(final Path source)
    {
        try
        {
            return Files.readString(source, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String relative(final Path source)
    {
        return ROOT.relativize(source).toString();
    }

    private static Path locateProjectRoot()
    {
        Path dir = Paths.get("").toAbsolutePath();
        while (null != dir && !Files.isDirectory(dir.resolve("engine-core")))
        {
            dir = dir.getParent();
        }
        if (null == dir)
        {
            throw new IllegalStateException("cannot find the project root above " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }

    private static <T> List<T> concat(final List<T> a, final List<T> b)
    {
        final List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
