package dev.vyuha.feed;

import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.Underlying;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's configuration: defaults that match the gateway's market-data stream, properties, validation, and no
 * secret in {@code toString}.
 */
class FeedContextTest
{
    @AfterEach
    void clearProperties()
    {
        for (final String name : List.of(FeedContext.SOURCE_PROP_NAME, FeedContext.SPEED_PROP_NAME,
            FeedContext.STREAM_ID_PROP_NAME, FeedContext.UNDERLYINGS_PROP_NAME, FeedContext.DATE_PROP_NAME,
            FeedContext.KITE_API_KEY_PROP_NAME))
        {
            System.clearProperty(name);
        }
    }

    @Test
    void shouldDefaultToASyntheticDayInRealTimeOnTheGatewaysMarketDataStream()
    {
        final FeedContext context = new FeedContext().conclude();

        assertEquals(FeedSourceKind.SYNTHETIC, context.sourceKind());
        assertEquals("aeron:ipc", context.channel());
        assertEquals(2001, context.streamId());
        assertEquals(1.0, context.speed());
        assertEquals(List.of(Underlying.NIFTY, Underlying.BANKNIFTY), context.underlyings());
        assertEquals(2, context.expiries());
        assertEquals(15, context.strikesAroundAtm());
        assertEquals(3, context.recenterStrikes());
        assertTrue(context.staleEnabled());
        assertTrue(context.calendar().isTradingDay(context.date()), "defaults to a trading day: " + context.date());
        assertFalse(context.date().isBefore(IndiaTime.date(context.epochNanoClock().nanoTime())));
    }

    @Test
    void shouldReadSystemProperties()
    {
        System.setProperty(FeedContext.SOURCE_PROP_NAME, "bars");
        System.setProperty(FeedContext.SPEED_PROP_NAME, "max");
        System.setProperty(FeedContext.STREAM_ID_PROP_NAME, "2002");
        System.setProperty(FeedContext.UNDERLYINGS_PROP_NAME, "banknifty");
        System.setProperty(FeedContext.DATE_PROP_NAME, "2021-06-11");

        final FeedContext context = new FeedContext().barsFiles("somewhere").conclude();

        assertEquals(FeedSourceKind.BARS, context.sourceKind());
        assertTrue(Double.isInfinite(context.speed()));
        assertEquals(2002, context.streamId());
        assertEquals(List.of(Underlying.BANKNIFTY), context.underlyings());
        assertEquals(LocalDate.of(2021, 6, 11), context.date());
    }

    @Test
    void shouldRefuseInvalidSettings()
    {
        assertThrows(IllegalArgumentException.class, () -> new FeedContext().channel("udp://x").conclude());
        assertThrows(IllegalArgumentException.class, () -> new FeedContext().underlyings("NIFTY,DOW").conclude());
        assertThrows(IllegalArgumentException.class, () -> new FeedContext().speed("0").conclude());
        assertThrows(IllegalArgumentException.class, () -> new FeedContext().window(2, 5, 6).conclude());
        assertThrows(IllegalArgumentException.class, () -> new FeedContext().sourceKind(FeedSourceKind.BARS)
            .conclude());
        assertThrows(IllegalArgumentException.class, () -> new FeedContext().sourceKind(FeedSourceKind.RECORDING)
            .conclude());
        final IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class, () -> new FeedContext()
            .sourceKind(FeedSourceKind.KITE).kiteApiKey(null).conclude());
        assertTrue(noKey.getMessage().contains("KITE_API_KEY"));
    }

    @Test
    void shouldNeverShowTheApiKeyOrTheAccessToken()
    {
        final FeedContext context = new FeedContext().sourceKind(FeedSourceKind.KITE).kiteApiKey("verysecretkey")
            .kiteAccessToken(() -> "verysecrettoken").date(LocalDate.of(2026, 8, 17)).conclude();

        final String text = context.toString();

        assertFalse(text.contains("verysecret"), text);
        assertTrue(text.contains("kiteApiKey=***"));
    }

    @Test
    void shouldPickTheNextTradingDayWhenTodayIsNot()
    {
        final long sundayNoon = IndiaTime.epochNanos(LocalDate.of(2026, 8, 16), LocalTime.NOON);
        final FeedContext context = new FeedContext().epochNanoClock(() -> sundayNoon).conclude();

        assertEquals(LocalDate.of(2026, 8, 17), context.date());
    }
}
