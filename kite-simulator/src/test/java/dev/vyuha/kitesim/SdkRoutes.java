package dev.vyuha.kitesim;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.Routes;
import com.zerodhatech.ticker.KiteTicker;

import java.lang.reflect.Field;

/**
 * Points the unmodified SDK at a loopback server (KITE.md §2): REST per instance (a {@code Routes} subclass in the
 * private {@code KiteConnect.routes} field), the ticker through the static {@code Routes._wsuri}, which
 * {@code new KiteTicker} copies.
 */
final class SdkRoutes
{
    private SdkRoutes()
    {
    }

    static KiteConnect kiteConnect(final String rootUrl, final String apiKey, final String accessToken)
    {
        final KiteConnect kite = new KiteConnect(apiKey);
        if (null != accessToken)
        {
            kite.setAccessToken(accessToken);
        }
        final Routes routes = new Routes()
        {
            @Override
            public String get(final String key)
            {
                return rootUrl + this.routes.get(key);
            }
        };
        try
        {
            final Field field = KiteConnect.class.getDeclaredField("routes");
            field.setAccessible(true);
            field.set(kite, routes);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
        return kite;
    }

    static KiteConnect kiteConnect(final KiteSimulator simulator)
    {
        return kiteConnect(simulator.restUrl(), simulator.config().apiKey(), simulator.config().accessToken());
    }

    /**
     * Turns off OkHttp's silent retry on connection failure inside an SDK instance (the gateway does the same).
     */
    static KiteConnect withoutSilentRetries(final KiteConnect kite)
    {
        try
        {
            final Field handlerField = KiteConnect.class.getDeclaredField("kiteRequestHandler");
            handlerField.setAccessible(true);
            final Object handler = handlerField.get(kite);
            final Field clientField = handler.getClass().getDeclaredField("client");
            clientField.setAccessible(true);
            final okhttp3.OkHttpClient client = (okhttp3.OkHttpClient)clientField.get(handler);
            clientField.set(handler, client.newBuilder().retryOnConnectionFailure(false).build());
            return kite;
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    static KiteTicker kiteTicker(final String uriTemplate, final String apiKey, final String accessToken)
    {
        synchronized (Routes.class)
        {
            try
            {
                final Field field = Routes.class.getDeclaredField("_wsuri");
                field.setAccessible(true);
                final Object previous = field.get(null);
                field.set(null, uriTemplate);
                try
                {
                    return new KiteTicker(accessToken, apiKey);
                }
                finally
                {
                    field.set(null, previous);
                }
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    }
}
