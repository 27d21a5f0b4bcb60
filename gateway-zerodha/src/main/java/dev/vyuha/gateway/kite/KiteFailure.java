package dev.vyuha.gateway.kite;

import com.zerodhatech.kiteconnect.kitehttp.exceptions.InputException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.MarginException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import dev.vyuha.sbe.RejectReason;

import java.io.IOException;
import java.util.Locale;

/**
 * What a failed Kite call means for an order (the retry rules of the gateway):
 *
 * <ul>
 *   <li>{@link Kind#NOT_SENT}: Kite certainly did not act: 429 (rate limit) or a connection that never opened. Safe to
 *   retry as is, after a back-off.</li>
 *   <li>{@link Kind#REFUSED}: Kite answered with a definite 4xx (input, margin, order, permission): report it.</li>
 *   <li>{@link Kind#SESSION_EXPIRED}: 403 TokenException: nothing was done; the session must be renewed.</li>
 *   <li>{@link Kind#UNCERTAIN}: a timeout, a 5xx, a dropped connection or an unreadable answer: the request may have
 *   been executed. Never resend before looking the order up by tag.</li>
 * </ul>
 *
 * <p>SDK 3.5.1's {@code KiteException} extends {@code Throwable} and has a null {@code getMessage()}: its public
 * {@code message} and {@code code} fields are used instead. Texts never carry request data.
 *
 * @param kind   the class of failure.
 * @param code   HTTP status or 0.
 * @param reason the reject reason to report.
 * @param text   what went wrong, for reports and logs.
 */
public record KiteFailure(KiteFailure.Kind kind, int code, RejectReason reason, String text)
{
    /** Failure classes. */
    public enum Kind
    {
        /** Certainly not executed; retry after a back-off. */
        NOT_SENT,
        /** Definitely refused. */
        REFUSED,
        /** Token expired or revoked. */
        SESSION_EXPIRED,
        /** May or may not have been executed. */
        UNCERTAIN
    }

    /**
     * @param failure what the SDK threw.
     * @return its classification.
     */
    public static KiteFailure classify(final Throwable failure)
    {
        if (failure instanceof TokenException token)
        {
            return new KiteFailure(Kind.SESSION_EXPIRED, token.code, RejectReason.SESSION_EXPIRED,
                "TokenException " + token.code + ": " + token.message);
        }
        if (failure instanceof KiteException kite)
        {
            final String text = kite.getClass().getSimpleName() + ' ' + kite.code + ": " + kite.message;
            if (429 == kite.code)
            {
                return new KiteFailure(Kind.NOT_SENT, kite.code, RejectReason.RATE_LIMIT, text);
            }
            if (kite.code >= 500 || kite.code <= 0)
            {
                return new KiteFailure(Kind.UNCERTAIN, kite.code, RejectReason.NETWORK, text);
            }
            return new KiteFailure(Kind.REFUSED, kite.code, refusalReason(kite), text);
        }
        if (failure instanceof java.net.ConnectException)
        {
            return new KiteFailure(Kind.NOT_SENT, 0, RejectReason.NETWORK,
                "connection refused: " + failure.getClass().getSimpleName());
        }
        if (failure instanceof IOException)
        {
            return new KiteFailure(Kind.UNCERTAIN, 0, RejectReason.NETWORK,
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        return new KiteFailure(Kind.UNCERTAIN, 0, RejectReason.NETWORK, failure.getClass().getSimpleName() + ": "
            + failure.getMessage());
    }

    /**
     * @param message Kite's message (may be null).
     * @return the reject reason its wording implies.
     */
    public static RejectReason reasonFromMessage(final String message)
    {
        final String text = null == message ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("freeze"))
        {
            return RejectReason.FREEZE_QUANTITY;
        }
        if (text.contains("market protection"))
        {
            return RejectReason.MARKET_PROTECTION;
        }
        if (text.contains("insufficient funds") || text.contains("margin"))
        {
            return RejectReason.MARGIN;
        }
        if (text.contains("maximum allowed order modifications"))
        {
            return RejectReason.MODIFICATION_LIMIT;
        }
        return RejectReason.NONE;
    }

    private static RejectReason refusalReason(final KiteException kite)
    {
        if (kite instanceof MarginException)
        {
            return RejectReason.MARGIN;
        }
        final RejectReason fromText = reasonFromMessage(kite.message);
        if (RejectReason.NONE != fromText)
        {
            return fromText;
        }
        return kite instanceof InputException ? RejectReason.BROKER_INPUT : RejectReason.OTHER;
    }
}
