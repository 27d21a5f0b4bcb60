package dev.vyuha.app;

import dev.vyuha.feed.FeedContext;
import dev.vyuha.feed.Feed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vyuha run}: configuration checked before anything starts; the engine process started from a configuration
 * (journal, instrument master, baskets, admin API, in-process paper gateway), driven over HTTP, stopped with SIGTERM
 * (drained, journal flushed) and restarted on the same journal without loading its baskets twice.
 */
class RunCommandTest
{
    private static final String TOKEN = "run-test-admin-token-0123456789";
    private static final List<Process> CHILDREN = new ArrayList<>();
    private static final Pattern RUNNING =
        Pattern.compile("engine running: .* admin 127\\.0\\.0\\.1:(\\d+), buffer bounds checks on");

    @AfterEach
    void killLeftoverChildren()
    {
        CHILDREN.forEach(Process::destroyForcibly);
        CHILDREN.clear();
    }

    @Test
    void shouldRefuseAnInvalidConfigurationReportingEveryErrorByPath(@TempDir final Path temp) throws IOException
    {
        final Path config = temp.resolve("bad.yaml");
        Files.writeString(config, "mode: SIMULATE\nadmin:\n  port: 70000\njournal:\n  sync: SOMETIMES\n");
        final StringWriter err = new StringWriter();
        final int exit = VyuhaMain.newCommandLine().setErr(new PrintWriter(err)).execute("run", "--config",
            config.toString());
        assertEquals(2, exit);
        final String text = err.toString();
        assertTrue(text.contains("mode") && text.contains("SIMULATE"), text);
        assertTrue(text.contains("admin.port") && text.contains("70000"), text);
        assertTrue(text.contains("journal.sync") && text.contains("SOMETIMES"), text);
        assertTrue(Files.notExists(temp.resolve("journal")), "nothing started, nothing written");
    }

    @Test
    void shouldCheckAValidConfigurationWithoutStarting(@TempDir final Path temp) throws IOException
    {
        final Path config = config(temp, "literal-token-for-the-check-0123456789");
        final StringWriter out = new StringWriter();
        final int exit = VyuhaMain.newCommandLine().setOut(new PrintWriter(out)).execute("run", "--config",
            config.toString(), "--check");
        assertEquals(0, exit, out.toString());
        assertTrue(out.toString().contains("valid"), out.toString());
        assertTrue(Files.notExists(temp.resolve("journal")));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldServeTheAdminApiStopGracefullyOnSigtermAndRecoverItsBasketsOnRestart(@TempDir final Path temp)
        throws Exception
    {
        final Path config = config(temp, "${RUN_TEST_TOKEN}");
        final HttpClient http = HttpClient.newHttpClient();

        final Child first = new Child(config);
        final int port = first.adminPort();
        final HttpResponse<String> health = http.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        final HttpResponse<String> baskets = http.send(get(port, "/baskets"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, baskets.statusCode(), baskets.body());
        assertTrue(baskets.body().contains("NIFTY weekly short straddle, re-entry at cost"), baskets.body());
        final HttpResponse<String> unauthorised = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/baskets")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorised.statusCode());
        first.terminate();
        assertTrue(first.output().contains("engine stopped (drained)"), first.output());
        assertTrue(first.output().contains("gateway stopped"), first.output());

        final Child second = new Child(config);
        final int secondPort = second.adminPort();
        final HttpResponse<String> recovered = http.send(get(secondPort, "/baskets"),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, recovered.statusCode());
        assertEquals(1, count(recovered.body(), "NIFTY weekly short straddle, re-entry at cost"), recovered.body());
        second.terminate();
        assertTrue(second.output().contains("already loaded (recovered from the journal)"), second.output());

        final StringWriter audit = new StringWriter();
        assertEquals(0, VyuhaMain.newCommandLine().setOut(new PrintWriter(audit)).setErr(new PrintWriter(audit))
            .execute("audit", temp.resolve("journal").toString(), "--verify"), audit.toString());
    }

    private static HttpRequest get(final int port, final String path)
    {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build();
    }

    private static int count(final String text, final String what)
    {
        int count = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1))
        {
            count++;
        }
        return count;
    }

    private static Path config(final Path temp, final String token) throws IOException
    {
        final Path master = temp.resolve("instruments.csv");
        // The engine loads the master for today (IST): a synthetic master listed today, or on the next trading day.
        Feed.writeSyntheticMaster(master, new FeedContext());
        final Path config = temp.resolve("vyuha.yaml");
        Files.writeString(config, String.join("\n",
            "mode: PAPER",
            "account: ZERODHA-AB1234",
            "journal:",
            "  directory: journal",
            "  sync: SYNC_PER_BATCH",
            "instruments:",
            "  file: instruments.csv",
            "admin:",
            "  host: 127.0.0.1",
            "  port: 0",
            "  tokens:",
            "    - { token: \"" + token + "\", role: admin }",
            "aeron:",
            "  directory: " + temp.resolve("aeron"),
            "  embedded-driver: true",
            "baskets:",
            "  - " + Path.of("../examples/short-straddle-re-cost.json").toAbsolutePath(),
            ""));
        return config;
    }

    /** {@code vyuha run} in a child JVM (SIGTERM needs a process of its own). */
    private static final class Child
    {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;

        Child(final Path config) throws IOException
        {
            final List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
            {
                if (argument.startsWith("--add-") || argument.startsWith("--enable-native-access")
                    || argument.startsWith("--sun-misc-unsafe-memory-access") || argument.startsWith("-Dchronicle.")
                    || argument.startsWith("-Duser."))
                {
                    command.add(argument);
                }
            }
            command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), VyuhaMain.class.getName(),
                "run", "--config", config.toString(), "--with-gateway"));
            final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("RUN_TEST_TOKEN", TOKEN);
            process = builder.start();
            CHILDREN.add(process);
            reader = new Thread(() ->
            {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)))
                {
                    String line;
                    while (null != (line = out.readLine()))
                    {
                        output.append(line).append('\n');
                        lines.add(line);
                    }
                }
                catch (final IOException ignored)
                {
                    // the child is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        int adminPort() throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline)
            {
                final String line = lines.poll(1, TimeUnit.SECONDS);
                if (null != line)
                {
                    final Matcher matcher = RUNNING.matcher(line);
                    if (matcher.find())
                    {
                        return Integer.parseInt(matcher.group(1));
                    }
                }
                assertTrue(process.isAlive() || !lines.isEmpty(), "the engine exited: " + output);
            }
            throw new AssertionError("the engine did not start: " + output);
        }

        void terminate() throws InterruptedException, IOException
        {
            // SIGTERM, as systemd sends it (Process.destroy() does not reach the JVM's handler under surefire).
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the engine: " + output);
            reader.join(5_000);
            assertEquals(143, process.exitValue(), "ended by SIGTERM (128 + 15) after the shutdown hook: " + output);
        }

        String output()
        {
            assertNotNull(process);
            return output.toString();
        }
    }
}
