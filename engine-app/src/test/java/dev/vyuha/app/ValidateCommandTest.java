package dev.vyuha.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest
{
    private static final String VALID = """
        {"name": "Straddle", "initial_capital": 200000, "execution_mode": "PAPER",
         "strategies": [{"name": "S", "underlying": "NIFTY",
           "schedule": {"entry_time": "09:20", "exit_time": "15:15"},
           "legs": [{"option_type": "CE", "side": "SELL", "lots": 1, "expiry": "WEEKLY",
                     "strike": {"method": "ATM"}, "stop_loss": {"type": "PERCENT", "value": 30}},
                    {"option_type": "PE", "side": "SELL", "lots": 1, "expiry": "WEEKLY",
                     "strike": {"method": "ATM"}, "stop_loss": {"type": "PERCENT", "value": 30}}]}]}
        """;

    @TempDir
    Path directory;

    @Test
    void shouldValidateEveryExampleAndExitZero() throws IOException
    {
        final List<String> examples;
        try (Stream<Path> files = Files.list(projectRoot().resolve("examples")))
        {
            examples = files.map(Path::toString).sorted().toList();
        }

        final Run run = run(examples.toArray(new String[0]));

        assertEquals(0, run.exitCode(), run.output());
        for (final String example : examples)
        {
            assertTrue(run.output().contains(example + ": OK ("), run.output());
        }
        assertTrue(run.output().endsWith(examples.size() + " files: " + examples.size() + " valid, 0 invalid; "
            + "0 errors, 0 warnings\n"), run.output());
        assertTrue(!run.output().contains("ERROR"), run.output());
    }

    @Test
    void shouldPrintEveryErrorWithItsPathAndExitOne() throws IOException
    {
        final Path bad = write("bad.json", VALID.replaceFirst("\"value\": 30}}]}]}", "\"value\": -5}}]}]}")
            .replace("\"lots\": 1", "\"lots\": 0"));

        final Run run = run(bad.toString());

        assertEquals(1, run.exitCode(), run.output());
        assertEquals(bad + ": INVALID (3 errors, 0 warnings)\n"
            + "  ERROR   strategies[0].legs[0].lots: must be >= 1, was 0\n"
            + "  ERROR   strategies[0].legs[1].lots: must be >= 1, was 0\n"
            + "  ERROR   strategies[0].legs[1].stop_loss.value: must be > 0, was -5\n"
            + "1 file: 0 valid, 1 invalid; 3 errors, 0 warnings\n", run.output());
    }

    @Test
    void shouldPrintWarningsButExitZeroForAValidYamlFile() throws IOException
    {
        final Path yaml = write("warned.yml", """
            name: Naked
            initial_capital: 200000
            execution_mode: PAPER
            strategies:
              - name: S
                underlying: NIFTY
                schedule: { entry_time: "09:20", exit_time: "15:15" }
                legs:
                  - { option_type: CE, side: SELL, lots: 1, expiry: WEEKLY, strike: { method: ATM } }
            """);

        final Run run = run(yaml.toString());

        assertEquals(0, run.exitCode(), run.output());
        assertEquals(yaml + ": OK (1 strategy, 1 leg, 1 warning)\n"
            + "  WARNING strategies[0].legs[0]: SELL CE leg without a stop loss (leg or strategy MTM) and without "
            + "enough BUY CE lots to hedge it: its loss is unbounded\n"
            + "1 file: 1 valid, 0 invalid; 0 errors, 1 warning\n", run.output());
    }

    @Test
    void shouldReportMissingUnreadableAndUnknownFilesAndExitOne() throws IOException
    {
        final Path good = write("good.json", VALID);
        final Path missing = directory.resolve("missing.json");
        final Path text = write("notes.txt", "hello");

        final Run run = run(good.toString(), missing.toString(), text.toString(), directory.toString() + ".json");

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains(good + ": OK (1 strategy, 2 legs)\n"), run.output());
        assertTrue(run.output().contains(missing + ": INVALID (1 error, 0 warnings)\n"
            + "  ERROR   $: cannot read: no such file\n"), run.output());
        assertTrue(run.output().contains(text + ": INVALID (1 error, 0 warnings)\n"
            + "  ERROR   $: cannot validate: unknown format, expected a .json, .yaml or .yml file\n"), run.output());
        assertTrue(run.output().endsWith("4 files: 1 valid, 3 invalid; 3 errors, 0 warnings\n"), run.output());
    }

    @Test
    void shouldReportADirectoryAsUnreadable() throws IOException
    {
        final Path folder = Files.createDirectory(directory.resolve("folder.yaml"));

        final Run run = run(folder.toString());

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("  ERROR   $: cannot read: is a directory\n"), run.output());
    }

    @Test
    void shouldRequireAtLeastOneFile()
    {
        final StringWriter errors = new StringWriter();
        final CommandLine commandLine = VyuhaMain.newCommandLine();
        commandLine.setErr(new PrintWriter(errors));

        assertEquals(2, commandLine.execute("validate"));
        assertTrue(errors.toString().contains("Missing required parameter"), errors.toString());
    }

    @Test
    void shouldBeListedAmongTheCommands()
    {
        final Run run = run();

        assertTrue(run.output().contains("validate"), run.output());
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Run run(final String... files)
    {
        final StringWriter output = new StringWriter();
        final CommandLine commandLine = VyuhaMain.newCommandLine();
        commandLine.setOut(new PrintWriter(output));
        final String[] args = new String[files.length + (files.length == 0 ? 0 : 1)];
        if (files.length > 0)
        {
            args[0] = "validate";
            System.arraycopy(files, 0, args, 1, files.length);
        }
        final int exitCode = commandLine.execute(args);
        return new Run(exitCode, output.toString().replace(System.lineSeparator(), "\n"));
    }

    private static Path projectRoot()
    {
        Path dir = Paths.get("").toAbsolutePath();
        while (null != dir && !Files.isDirectory(dir.resolve("examples")))
        {
            dir = dir.getParent();
        }
        if (null == dir)
        {
            throw new IllegalStateException("cannot find examples/ above " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }

    private record Run(int exitCode, String output)
    {
    }
}
