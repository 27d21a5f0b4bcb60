package dev.vyuha.gateway;

import dev.vyuha.gateway.kite.KiteSettings;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayContextTest
{
    @Test
    void shouldDefaultToAPaperVenueOnIpcWithABackoffIdleStrategy()
    {
        final GatewayContext context = new GatewayContext().conclude();

        assertEquals("paper", context.venue());
        assertEquals("PAPER", context.account());
        assertEquals("aeron:ipc", context.commandChannel());
        assertEquals(GatewayContext.COMMAND_STREAM_ID_DEFAULT, context.commandStreamId());
        assertEquals(GatewayContext.REPORT_STREAM_ID_DEFAULT, context.reportStreamId());
        assertFalse(context.embeddedDriver());
        assertInstanceOf(BackoffIdleStrategy.class, context.idleStrategy());
        assertEquals(-1, context.marketProtection());
        assertEquals(10, context.maxSlices());
    }

    @Test
    void shouldReadSettingsFromSystemProperties()
    {
        System.setProperty(GatewayContext.COMMAND_STREAM_ID_PROP_NAME, "4001");
        System.setProperty(GatewayContext.LIMIT_BUFFER_BPS_PROP_NAME, "25");
        try
        {
            final GatewayContext context = new GatewayContext().conclude();

            assertEquals(4001, context.commandStreamId());
            assertEquals(25.0, context.limitBufferBps());
        }
        finally
        {
            System.clearProperty(GatewayContext.COMMAND_STREAM_ID_PROP_NAME);
            System.clearProperty(GatewayContext.LIMIT_BUFFER_BPS_PROP_NAME);
        }
    }

    @Test
    void shouldRefuseInvalidSettingsInConclude()
    {
        assertThrows(IllegalArgumentException.class, () -> new GatewayContext().venue("zebu").conclude());
        assertThrows(IllegalArgumentException.class, () -> new GatewayContext().marketProtection(0).conclude(),
            "Kite refuses MARKET orders with market_protection 0");
        assertThrows(IllegalArgumentException.class, () -> new GatewayContext().commandChannel("ipc").conclude());
        assertThrows(IllegalArgumentException.class, () -> new GatewayContext().maxSlices(0).conclude());
        assertThrows(IllegalArgumentException.class, () -> new GatewayContext().reportStreamId(
            GatewayContext.COMMAND_STREAM_ID_DEFAULT).conclude());
        final IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
            () -> new GatewayContext().venue("kite").kiteApiKey(null).conclude());
        assertTrue(noKey.getMessage().contains(GatewayContext.KITE_API_KEY_ENV));
    }

    @Test
    void shouldNeverShowSecretsInItsDescription()
    {
        final GatewayContext context = new GatewayContext().venue("kite").kiteApiKey("apikey123")
            .kiteAccessToken(() -> "accesstoken456").kiteApiSecret("apisecret789").kiteRequestToken("request000")
            .conclude();
        final KiteSettings settings = context.kiteSettings();

        final String text = context + " " + settings + " " + settings.credentials();

        for (final String secret : new String[] {"apikey123", "accesstoken456", "apisecret789", "request000"})
        {
            assertFalse(text.contains(secret), text);
        }
        assertEquals("accesstoken456", settings.credentials().accessToken());
        assertEquals("apisecret789", settings.credentials().apiSecret());
    }
}
