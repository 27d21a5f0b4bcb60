package dev.vyuha.reference;

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
            final List<String> header = splitCsvLine(reader.readLine());
            final List<Map<String, String>> rows = new ArrayList<>();
            String line;
            while (null != (line = reader.readLine()))
            {
                if (line.isBlank())
                {
                    continue;
                }
                final List<String> cells = splitCsvLine(line);
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

    static List<String> splitCsvLine(final String line)
    {
        final List<String> cells = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (quoted)
            {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"')
                {
                    cell.append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else
            {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
