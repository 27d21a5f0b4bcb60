package dev.vyuha.kitesim;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator injects into one request: an error response, a delay or a dropped connection, either before
 * the request is processed (nothing happened at "Kite") or after (the order was placed, modified or cancelled, but
 * the client never learns it, or learns it late).
 */
public final class Fault
{
    /** What the fault does. */
    public enum Kind
    {
        /** Answer with an HTTP error and a Kite error body. */
        ERROR,
        /** Wait, then carry on. */
        DELAY,
        /** Close the TCP connection without answering. */
        DROP
    }

    private final Kind kind;
    private final int status;
    private final String errorType;
    private final String message;
    private final Duration delay;
    private final boolean afterProcessing;

    private Fault(
        final Kind kind,
        final int status,
        final String errorType,
        final String message,
        final Duration delay,
        final boolean afterProcessing)
    {
        this.kind = kind;
        this.status = status;
        this.errorType = errorType;
        this.message = message;
        this.delay = delay;
        this.afterProcessing = afterProcessing;
    }

    /**
     * @param status    HTTP status.
     * @param errorType Kite {@code error_type}.
     * @param message   Kite message.
     * @return an error fault applied before processing.
     */
    public static Fault error(final int status, final String errorType, final String message)
    {
        return new Fault(Kind.ERROR, status, Objects.requireNonNull(errorType), Objects.requireNonNull(message),
            Duration.ZERO, false);
    }

    /** @return 429 NetworkException "Too many requests", as Kite answers a rate-limit breach. */
    public static Fault tooManyRequests()
    {
        return error(429, "NetworkException", "Too many requests");
    }

    /** @return 500 GeneralException. */
    public static Fault internalServerError()
    {
        return error(500, "GeneralException", "Something went wrong. Please try again.");
    }

    /** @return 502 NetworkException: the OMS behind Kite is unreachable. */
    public static Fault badGateway()
    {
        return error(502, "NetworkException", "Couldn't reach the OMS. Please try again.");
    }

    /** @return 503 NetworkException. */
    public static Fault serviceUnavailable()
    {
        return error(503, "NetworkException", "Service unavailable. Please try again.");
    }

    /** @return 504 NetworkException: the gateway timed out waiting for the OMS. */
    public static Fault gatewayTimeout()
    {
        return error(504, "NetworkException", "Gateway timed out. Please try again.");
    }

    /**
     * @param status one of 500, 502, 503, 504.
     * @return the matching server error fault.
     */
    public static Fault serverError(final int status)
    {
        return switch (status)
        {
            case 500 -> internalServerError();
            case 502 -> badGateway();
            case 503 -> serviceUnavailable();
            case 504 -> gatewayTimeout();
            default -> throw new IllegalArgumentException("not a simulated server error: " + status);
        };
    }

    /**
     * @param delay how long the request stalls.
     * @return a delay fault applied before processing.
     */
    public static Fault delay(final Duration delay)
    {
        return new Fault(Kind.DELAY, 0, null, null, Objects.requireNonNull(delay), false);
    }

    /** @return a dropped connection before processing. */
    public static Fault drop()
    {
        return new Fault(Kind.DROP, 0, null, null, Duration.ZERO, false);
    }

    /**
     * @return the same fault applied after the request was processed (the order exists at "Kite").
     */
    public Fault afterProcessing()
    {
        return new Fault(kind, status, errorType, message, delay, true);
    }

    /** @return what the fault does. */
    public Kind kind()
    {
        return kind;
    }

    /** @return HTTP status of an error fault. */
    public int status()
    {
        return status;
    }

    /** @return Kite error type of an error fault. */
    public String errorType()
    {
        return errorType;
    }

    /** @return Kite message of an error fault. */
    public String message()
    {
        return message;
    }

    /** @return duration of a delay fault. */
    public Duration delay()
    {
        return delay;
    }

    /** @return true if applied after the request was processed. */
    public boolean isAfterProcessing()
    {
        return afterProcessing;
    }

    @Override
    public String toString()
    {
        return kind + (kind == Kind.ERROR ? " " + status + " " + errorType : "")
            + (kind == Kind.DELAY ? " " + delay.toMillis() + " ms" : "") + (afterProcessing ? " after" : " before");
    }
}
