package dev.vyuha.gateway.kite;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.ticker.KiteTicker;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KiteSdkTest
{
    @Test
    void shouldTurnOffOkHttpsSilentRetriesAndApplyTheTimeout()
    {
        final KiteConnect kite = KiteSdk.kiteConnect("key", "http://127.0.0.1:1", Duration.ofMillis(1500));

        final OkHttpClient client = KiteSdk.httpClient(kite);

        assertFalse(client.retryOnConnectionFailure(), "a dropped connection must never re-POST an order");
        assertEquals(1500, client.readTimeoutMillis());
        assertEquals(1500, client.connectTimeoutMillis());
        assertFalse(KiteConnect.ENABLE_LOGGING, "SDK debug logging prints the Authorization header");
        assertTrue(client.interceptors().isEmpty(), "no logging interceptor");
    }

    @Test
    void shouldPointATickerAtTheConfiguredUriAndRestoreTheGlobalRoute() throws Exception
    {
        final Field wsuri = com.zerodhatech.kiteconnect.Routes.class.getDeclaredField("_wsuri");
        wsuri.setAccessible(true);
        final Object before = wsuri.get(null);

        final KiteTicker ticker = KiteSdk.kiteTicker("key", "token",
            "ws://127.0.0.1:9/?access_token=:access_token&api_key=:api_key");

        final Field uri = KiteTicker.class.getDeclaredField("wsuri");
        uri.setAccessible(true);
        assertEquals("ws://127.0.0.1:9/?access_token=token&api_key=key", uri.get(ticker));
        assertEquals(before, wsuri.get(null));
    }
}
