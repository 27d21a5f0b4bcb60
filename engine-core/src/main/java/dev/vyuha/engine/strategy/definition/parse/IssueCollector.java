package dev.vyuha.engine.strategy.definition.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the issues of one read. Keeps at most {@link #MAX_KEPT} of each severity (a hostile document can contain
 * a great many mistakes) but counts them all.
 */
final class IssueCollector
{
    static final int MAX_KEPT = 200;

    private final List<Issue> errors = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    private int errorCount;
    private int warningCount;

    void error(final DocumentPath path, final String message)
    {
        errorCount++;
        if (errors.size() < MAX_KEPT)
        {
            errors.add(new Issue(Severity.ERROR, path.toString(), message));
        }
    }

    void warning(final DocumentPath path, final String message)
    {
        warningCount++;
        if (warnings.size() < MAX_KEPT)
        {
            warnings.add(new Issue(Severity.WARNING, path.toString(), message));
        }
    }

    int errorCount()
    {
        return errorCount;
    }

    List<Issue> errors()
    {
        return withOverflow(errors, errorCount, Severity.ERROR, "errors");
    }

    List<Issue> warnings()
    {
        return withOverflow(warnings, warningCount, Severity.WARNING, "warnings");
    }

    private static List<Issue> withOverflow(
        final List<Issue> kept, final int count, final Severity severity, final String what)
    {
        if (count <= kept.size())
        {
            return List.copyOf(kept);
        }
        final List<Issue> all = new ArrayList<>(kept);
        all.add(new Issue(severity, "$", (count - kept.size()) + " more " + what + " not shown"));
        return List.copyOf(all);
    }
}
