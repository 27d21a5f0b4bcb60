package dev.vyuha.reference.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a comma-separated file as Kite's instruments dump and the reference data write them (RFC 4180 quoting:
 * a quoted cell may hold commas, and {@code ""} inside quotes is one quote). Shared by the engine's and the feed's
 * instrument readers and the reference-data tests, so the three read a line the same way.
 */
public final class CsvLine
{
    private CsvLine()
    {
    }

    /**
     * @param line a line without its line terminator.
     * @return its cells, unquoted; an empty line is one empty cell.
     */
    public static List<String> split(final String line)
    {
        final List<String> cells = new ArrayList<>(16);
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
