package dev.vyuha.app.config;

import java.util.List;

/**
 * A configuration that cannot run, with every problem found, each qualified by its path
 * ({@code admin.port: must be 0..65535, was 99999}).
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    ConfigException(final String source, final List<String> problems)
    {
        super(source + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems), null, false,
            false);
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, path-qualified. */
    public List<String> problems()
    {
        return problems;
    }
}
