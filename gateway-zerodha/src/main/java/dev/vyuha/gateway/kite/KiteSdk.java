package dev.vyuha.gateway.kite;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.Routes;
import com.zerodhatech.ticker.KiteTicker;
import okhttp3.OkHttpClient;

import java.lang.reflect.Field;
import java.time.Duration;

/**
 * Builds SDK 3.5.1 objects the way the gateway needs them, without modifying the SDK (KITE.md §2, §3, §12):
 *
 * <ul>
 *   <li>debug logging off (it would log the {@code Authorization} header: api key and access token);</li>
 *   <li>REST pointed at a configured root per instance (a {@code Routes} subclass in the private {@code routes}
 *   field; production needs nothing), the ticker at a configured URI (the static {@code Routes._wsuri}, which
 *   {@code new KiteTicker} copies, set and restored under a lock);</li>
 *   <li>the private OkHttp client replaced by one with the configured timeouts and <b>without</b>
 *   {@code retryOnConnectionFailure}: OkHttp otherwise silently re-POSTs an order when a pooled connection drops after
 *   Kite received it (proved in the simulator's tests), which would place it twice.</li>
 * </ul>
 */
public final class KiteSdk
{
    /** Kite's production REST root. */
    public static final String PRODUCTION_ROOT_URL = "https://api.kite.trade";
    /** Kite's production ticker URI template. */
    public static final String PRODUCTION_TICKER_URL =
        "wss://ws.kite.trade/?access_token=:access_token&api_key=:api_key";

    private KiteSdk()
    {
    }

    /**
     * @param apiKey      the app's api key.
     * @param rootUrl     REST root ({@link #PRODUCTION_ROOT_URL} in production).
     * @param httpTimeout connect, read and write timeout of every call.
     * @return a configured client (use it from one thread: its date parsing is not thread safe).
     */
    public static KiteConnect kiteConnect(final String apiKey, final String rootUrl, final Duration httpTimeout)
    {
        KiteConnect.ENABLE_LOGGING = false;
        final KiteConnect kite = new KiteConnect(apiKey, false);
        if (!PRODUCTION_ROOT_URL.equals(rootUrl))
        {
            final String root = stripTrailingSlash(rootUrl);
            set(KiteConnect.class, kite, "routes", new Routes()
            {
                @Override
                public String get(final String key)
                {
                    return root + this.routes.get(key);
                }
            });
        }
        final Object handler = get(KiteConnect.class, kite, "kiteRequestHandler");
        final OkHttpClient client = (OkHttpClient)get(handler.getClass(), handler, "client");
        set(handler.getClass(), handler, "client", client.newBuilder()
            .retryOnConnectionFailure(false)
            .connectTimeout(httpTimeout)
            .readTimeout(httpTimeout)
            .writeTimeout(httpTimeout)
            .build());
        return kite;
    }

    /**
     * @param apiKey      the app's api key.
     * @param accessToken the session's access token.
     * @param tickerUrl   ticker URI template with {@code :access_token} and {@code :api_key}.
     * @return a new, unconnected ticker (a ticker connects once: make a new one per connection).
     */
    public static KiteTicker kiteTicker(final String apiKey, final String accessToken, final String tickerUrl)
    {
        synchronized (Routes.class)
        {
            final Object previous = get(Routes.class, null, "_wsuri");
            set(Routes.class, null, "_wsuri", tickerUrl);
            try
            {
                return new KiteTicker(accessToken, apiKey);
            }
            finally
            {
                set(Routes.class, null, "_wsuri", previous);
            }
        }
    }

    /**
     * @param kite a client made by {@link #kiteConnect}.
     * @return the OkHttp client it uses (tests check its settings).
     */
    public static OkHttpClient httpClient(final KiteConnect kite)
    {
        final Object handler = get(KiteConnect.class, kite, "kiteRequestHandler");
        return (OkHttpClient)get(handler.getClass(), handler, "client");
    }

    private static String stripTrailingSlash(final String url)
    {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Object get(final Class<?> type, final Object target, final String name)
    {
        try
        {
            final Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("kiteconnect 3.5.1 internals changed: " + type.getName() + '.' + name, ex);
        }
    }

    private static void set(final Class<?> type, final Object target, final String name, final Object value)
    {
        try
        {
            final Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("kiteconnect 3.5.1 internals changed: " + type.getName() + '.' + name, ex);
        }
    }
}
