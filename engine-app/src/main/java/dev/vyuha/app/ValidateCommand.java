package dev.vyuha.app;

import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.parse.BasketReader;
import dev.vyuha.engine.strategy.definition.parse.BasketValidation;
import dev.vyuha.engine.strategy.definition.parse.DocumentFormat;
import dev.vyuha.engine.strategy.definition.parse.Issue;
import dev.vyuha.engine.strategy.definition.parse.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vyuha validate FILE...}: reads basket files (JSON or YAML, by extension) and prints, per file, every error
 * and warning with its path, then a summary. Exit code 0 when every file is valid (warnings allowed), 1 when any file
 * has an error or cannot be read, 2 for a usage error.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate basket files (.json, .yaml, .yml): print every error and warning; exit 1 if any file "
        + "has an error.")
final class ValidateCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Basket files to validate.")
    private List<Path> files;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        int errors = 0;
        int warnings = 0;
        for (final Path file : files)
        {
            final BasketValidation validation = validate(file);
            errors += validation.errors().size();
            warnings += validation.warnings().size();
            invalid += validation.valid() ? 0 : 1;
            out.println(file + ": " + verdict(validation));
            validation.errors().forEach(issue -> out.println("  ERROR   " + issue));
            validation.warnings().forEach(issue -> out.println("  WARNING " + issue));
        }
        out.printf("%s: %d valid, %d invalid; %s, %s%n", count(files.size(), "file"), files.size() - invalid,
            invalid, count(errors, "error"), count(warnings, "warning"));
        out.flush();
        return 0 == invalid ? 0 : 1;
    }

    private static BasketValidation validate(final Path file)
    {
        final Optional<DocumentFormat> format = DocumentFormat.forFileName(file.toString());
        if (format.isEmpty())
        {
            return failure("cannot validate: unknown format, expected a .json, .yaml or .yml file");
        }
        if (Files.isDirectory(file))
        {
            return failure("cannot read: is a directory");
        }
        try (InputStream input = Files.newInputStream(file))
        {
            return BasketReader.read(input, format.get());
        }
        catch (final NoSuchFileException ex)
        {
            return failure("cannot read: no such file");
        }
        catch (final IOException | SecurityException ex)
        {
            return failure("cannot read: " + ex.getMessage());
        }
    }

    private static BasketValidation failure(final String message)
    {
        return new BasketValidation(Optional.empty(), List.of(new Issue(Severity.ERROR, "$", message)), List.of());
    }

    private static String verdict(final BasketValidation validation)
    {
        if (!validation.valid())
        {
            return "INVALID (" + count(validation.errors().size(), "error") + ", "
                + count(validation.warnings().size(), "warning") + ")";
        }
        final Basket basket = validation.basket().orElseThrow();
        final int legs = basket.strategies().stream().mapToInt(strategy -> strategy.legs().size()).sum();
        return "OK (" + count(basket.strategies().size(), "strategy", "strategies") + ", " + count(legs, "leg")
            + (validation.warnings().isEmpty() ? "" : ", " + count(validation.warnings().size(), "warning")) + ")";
    }

    private static String count(final int n, final String singular)
    {
        return count(n, singular, singular + "s");
    }

    private static String count(final int n, final String singular, final String plural)
    {
        return n + " " + (n == 1 ? singular : plural);
    }
}
