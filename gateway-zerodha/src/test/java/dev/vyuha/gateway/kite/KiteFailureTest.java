package dev.vyuha.gateway.kite;

import com.zerodhatech.kiteconnect.kitehttp.exceptions.DataException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.GeneralException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.InputException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.MarginException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.NetworkException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.OrderException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import dev.vyuha.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KiteFailureTest
{
    @Test
    void shouldTreatA429AsNotPlaced()
    {
        final KiteFailure failure = KiteFailure.classify(new NetworkException("Too many requests", 429));

        assertEquals(KiteFailure.Kind.NOT_SENT, failure.kind());
        assertEquals(RejectReason.RATE_LIMIT, failure.reason());
    }

    @Test
    void shouldTreatServerErrorsTimeoutsAndDroppedConnectionsAsPossiblyPlaced()
    {
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new GeneralException("x", 500)).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new NetworkException("x", 502)).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new NetworkException("x", 503)).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new NetworkException("x", 504)).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new DataException("html", 502)).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new SocketTimeoutException("timeout")).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new EOFException("eof")).kind());
        assertEquals(KiteFailure.Kind.UNCERTAIN, KiteFailure.classify(new org.json.JSONException("bad")).kind());
    }

    @Test
    void shouldTreatARefusedConnectionAsNotSent()
    {
        assertEquals(KiteFailure.Kind.NOT_SENT, KiteFailure.classify(new ConnectException("refused")).kind());
    }

    @Test
    void shouldEndTheSessionOnATokenException()
    {
        final KiteFailure failure = KiteFailure.classify(new TokenException("Incorrect `api_key` or `access_token`.",
            403));

        assertEquals(KiteFailure.Kind.SESSION_EXPIRED, failure.kind());
        assertEquals(RejectReason.SESSION_EXPIRED, failure.reason());
    }

    @Test
    void shouldNameTheReasonOfADefiniteRefusalFromItsTypeAndWording()
    {
        assertEquals(RejectReason.FREEZE_QUANTITY, KiteFailure.classify(new InputException(
            "Quantity 1820 exceeds the freeze limit of 1800", 400)).reason());
        assertEquals(RejectReason.MARKET_PROTECTION, KiteFailure.classify(new InputException(
            "Market orders without market protection are not allowed via API.", 400)).reason());
        assertEquals(RejectReason.MARGIN, KiteFailure.classify(new MarginException("Insufficient funds.", 400))
            .reason());
        assertEquals(RejectReason.MODIFICATION_LIMIT, KiteFailure.classify(new InputException(
            "Maximum allowed order modifications exceeded.", 400)).reason());
        assertEquals(RejectReason.BROKER_INPUT, KiteFailure.classify(new InputException("Invalid price", 400))
            .reason());
        assertEquals(KiteFailure.Kind.REFUSED, KiteFailure.classify(new OrderException("x", 400)).kind());
    }

    @Test
    void shouldDescribeASdkExceptionDespiteItsNullMessage()
    {
        final NetworkException exception = new NetworkException("Gateway timed out", 504);

        assertEquals(null, exception.getMessage(), "SDK 3.5.1 quirk: KiteException.getMessage() is null");
        assertTrue(KiteFailure.classify(exception).text().contains("Gateway timed out"));
    }
}
