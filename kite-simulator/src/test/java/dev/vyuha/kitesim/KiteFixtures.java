package dev.vyuha.kitesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official Kite fixtures in {@code ../shared/data} (read in place, never copied into the repository: they carry no
 * licence). Tests that need them are skipped with a message when they are absent.
 */
final class KiteFixtures
{
    private KiteFixtures()
    {
    }

    static Path mocks()
    {
        return sharedData("6_kite_mocks");
    }

    static Path instruments()
    {
        return sharedData("3_kite_instruments");
    }

    static String mock(final String name)
    {
        return read(mocks().resolve(name));
    }

    static byte[] packet(final String name)
    {
        return Base64.getDecoder().decode(mock(name).trim());
    }

    static String read(final Path file)
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

    private static Path sharedData(final String folder)
    {
        final String configured = System.getProperty("vyuha.shared.data");
        Path found = null;
        if (null != configured)
        {
            found = Paths.get(configured).resolve(folder);
        }
        else
        {
            for (Path dir = Paths.get("").toAbsolutePath(); null != dir; dir = dir.getParent())
            {
                final Path candidate = dir.resolve("shared").resolve("data").resolve(folder);
                if (Files.isDirectory(candidate))
                {
                    found = candidate;
                    break;
                }
            }
        }
        assumeTrue(null != found && Files.isDirectory(found),
            "Kite fixtures ../shared/data/" + folder + " are absent (set -Dvyuha.shared.data=<dir>): test skipped");
        return found;
    }
}
