package dev.vyuha.reference;

import dev.vyuha.reference.csv.CsvLine;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locates the external reference data in ../shared/data (set by surefire as {@code vyuha.shared.data}) and reads its
 * CSV files in place. A test that needs a file missing from this machine is skipped with a message saying so.
 */
public final class ReferenceData
{
    private ReferenceData()
    {
    }

    /**
     * @param relative path under ../shared/data.
     * @return the file; the calling test is skipped (not failed) if it is absent.
     */
    public static Path file(final String relative)
    {
        final Path root = Paths.get(System.getProperty("vyuha.shared.data", "../../shared/data"));
        final Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.isReadable(file),
            () -> "reference data not found at " + file.toAbsolutePath().normalize()
                + ": skipping (place the shared data folder beside the project as ../shared/data to run this test)");
        return file;
    }

    /**
     * Read a CSV with a header row into maps keyed by column name. Handles double-quoted fields with commas and
     * doubled quotes, as the reference files use them.
     *
     * @param relative path under ../shared/data.
     * @return one map per data row, columns in header order.
     */
    public static List<Map<String, String>> csv(final String relative)
    {
        final Path file = file(relative);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final List<String> header = CsvLine.split(reader.readLine());
            final List<Map<String, String>> rows = new ArrayList<>();
            String line;
            while (null != (line = reader.readLine()))
            {
                if (line.isBlank())
                {
                    continue;
                }
                final List<String> cells = CsvLine.split(line);
                final Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++)
                {
                    row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
