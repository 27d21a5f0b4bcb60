package dev.vyuha.app;

import dev.vyuha.wire.SchemaSelfCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code vyuha selfcheck}: proves this JVM can run the wire format (codecs over off-heap buffers need the JVM flags
 * the launcher passes) and prints the schema's messages. Exit code 0 when every check passes.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
    description = "Check that this JVM encodes, validates and decodes every kind of frame correctly.")
final class SelfCheckCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final SchemaSelfCheck.Report report = SchemaSelfCheck.run();
        out.printf("Vyuha wire format self-check: SBE schema %d version %d on Java %s (%s)%n",
            report.schemaId(), report.schemaVersion(), Runtime.version(), System.getProperty("java.vm.name"));
        out.println();
        out.println("Messages (template id, name, root block, groups, variable-length fields):");
        report.catalogue().forEach(line -> out.println("  " + line));
        out.println();
        out.println("Checks:");
        int passed = 0;
        for (final SchemaSelfCheck.Check check : report.checks())
        {
            out.printf("  %s  %-45s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
            passed += check.passed() ? 1 : 0;
        }
        out.println();
        out.printf("Result: %d of %d checks passed%n", passed, report.checks().size());
        out.flush();
        return report.passed() ? 0 : 1;
    }
}
