package dev.vyuha.admin;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status and the path-qualified reasons, rendered as
 * {@code {"status": 400, "error": "...", "details": ["strategies[0].legs[0].lots: ..."]}}.
 */
final class ApiProblem extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<String> details;

    ApiProblem(final int status, final String message, final List<String> details)
    {
        super(message, null, false, false);
        this.status = status;
        this.details = List.copyOf(details);
    }

    ApiProblem(final int status, final String message)
    {
        this(status, message, List.of());
    }

    int status()
    {
        return status;
    }

    List<String> details()
    {
        return details;
    }

    /** The JSON body of a refusal. */
    record Body(int status, String error, List<String> details)
    {
    }

    Body body()
    {
        return new Body(status, getMessage(), details);
    }
}
