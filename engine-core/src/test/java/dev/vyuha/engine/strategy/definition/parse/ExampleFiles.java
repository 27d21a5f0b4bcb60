package dev.vyuha.engine.strategy.definition.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example baskets of the repository's {@code examples/} directory, for tests.
 */
final class ExampleFiles
{
    static final Path ROOT = projectRoot();
    static final Path EXAMPLES = ROOT.resolve("examples");
    static final Path COMMITTED_SCHEMA = ROOT.resolve("engine-core/src/main/resources/schema/basket.schema.json");

    private ExampleFiles()
    {
    }

    static List<Path> all()
    {
        try (Stream<Path> files = Files.list(EXAMPLES))
        {
            return files.filter(file -> DocumentFormat.forFileName(file.toString()).isPresent()).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static String text(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static DocumentFormat format(final Path file)
    {
        return DocumentFormat.forFileName(file.toString()).orElseThrow();
    }

    static BasketValidation read(final Path file)
    {
        return BasketReader.read(text(file), format(file));
    }

    static BasketValidation read(final String name)
    {
        return read(EXAMPLES.resolve(name));
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
}
