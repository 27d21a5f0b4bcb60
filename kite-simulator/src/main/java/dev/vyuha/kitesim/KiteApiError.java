package dev.vyuha.kitesim;

/**
 * A Kite error response: the HTTP status and the {@code error_type}/{@code message} body that the SDK maps to its
 * exception classes (KITE.md §5).
 */
public final class KiteApiError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;

    /**
     * @param status    HTTP status.
     * @param errorType Kite error type, e.g. InputException.
     * @param message   Kite message.
     */
    public KiteApiError(final int status, final String errorType, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    /**
     * @param message Kite message.
     * @return a 400 InputException.
     */
    public static KiteApiError input(final String message)
    {
        return new KiteApiError(400, "InputException", message);
    }

    /** @return the 403 TokenException Kite answers a bad or expired token with. */
    public static KiteApiError token()
    {
        return new KiteApiError(403, "TokenException", "Incorrect `api_key` or `access_token`.");
    }

    /** @return HTTP status. */
    public int status()
    {
        return status;
    }

    /** @return Kite error type. */
    public String errorType()
    {
        return errorType;
    }
}
