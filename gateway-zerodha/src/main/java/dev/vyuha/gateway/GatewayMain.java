package dev.vyuha.gateway;

import org.agrona.concurrent.ShutdownSignalBarrier;

/**
 * Runs the gateway as its own JVM, configured by system properties and environment ({@link GatewayContext}), until
 * SIGINT/SIGTERM.
 *
 * <pre>
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dvyuha.gateway.venue=paper \
 *     -cp "engine-app/target/engine-app.jar:engine-app/target/lib/*" dev.vyuha.gateway.GatewayMain
 * </pre>
 */
public final class GatewayMain
{
    private GatewayMain()
    {
    }

    /**
     * @param args ignored: configuration is by system properties and environment.
     */
    public static void main(final String[] args)
    {
        final ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
        try (Gateway gateway = Gateway.launch(new GatewayContext()))
        {
            barrier.await();
            gateway.context();
        }
    }
}
