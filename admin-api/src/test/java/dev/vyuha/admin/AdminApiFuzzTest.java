package dev.vyuha.admin;

import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.scenario.Baskets;
import dev.vyuha.engine.strategy.definition.parse.BasketReader;
import dev.vyuha.engine.strategy.definition.parse.DocumentFormat;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of malformed requests against every mutating route: each gets a 4xx with a JSON body, and the engine is
 * undisturbed (same baskets, no failed command, no handler error) and still serves a valid request afterwards.
 */
class AdminApiFuzzTest
{
    private static final String VALID = Baskets.basket("\"id\": \"fuzz-base\",", Baskets.straddle("", ""));

    @Test
    void shouldAnswerEveryMalformedRequestWithA4xxAndLeaveTheEngineAlone() throws Exception
    {
        try (RunningEngine running = new RunningEngine(64 * 1024))
        {
            final HttpClient http = HttpClient.newHttpClient();
            final String base = "http://127.0.0.1:" + running.api.port();
            final HttpResponse<String> seeded = http.send(request(base + "/baskets", "POST", VALID.getBytes(
                StandardCharsets.UTF_8), "application/json"), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, seeded.statusCode(), seeded.body());
            final List<BasketSnapshot> before = running.engine.snapshot().baskets();
            final SplittableRandom random = new SplittableRandom(20261121L);
            final TreeMap<Integer, Integer> statuses = new TreeMap<>();
            final String[] routes = {"/baskets", "/baskets?validate_only=true", "/baskets/1?version=1",
                "/positions/close", "/marketplace/templates/none/subscribe", "/baskets/0/pause"};
            final int requests = 2_000;
            for (int i = 0; i < requests; i++)
            {
                final String route = routes[random.nextInt(routes.length)];
                final byte[] body = malformedDocument(random);
                final String type = random.nextInt(4) == 0 ? "application/yaml" : "application/json";
                final HttpResponse<String> response = http.send(request(base + route, route.endsWith("version=1") ?
                    "PUT" : "POST", body, type), HttpResponse.BodyHandlers.ofString());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "request " + i + " to " + route
                    + " answered " + response.statusCode() + ": " + response.body() + "\nbody: "
                    + new String(body, StandardCharsets.UTF_8));
                assertTrue(response.body().startsWith("{\"status\":"), response.body());
            }
            assertEquals(requests, statuses.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(0, running.engine.snapshot().counters().failedCommands());
            assertEquals(0, running.runtime.handlerErrors());
            assertEquals(before.size(), running.engine.snapshot().baskets().size());
            assertEquals(before.get(0).version(), running.engine.snapshot().baskets().get(0).version());
            final HttpResponse<String> after = http.send(request(base + "/baskets", "POST",
                VALID.replace("fuzz-base", "fuzz-after").getBytes(StandardCharsets.UTF_8), "application/json"),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(201, after.statusCode(), after.body() + " after " + statuses);
        }
    }

    private static HttpRequest request(final String url, final String method, final byte[] body, final String type)
    {
        return HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Authorization", "Bearer " + RunningEngine.TRADER).header("Content-Type", type).build();
    }

    /** A body no route accepts: regenerated while the reader would take it as a valid basket document. */
    private static byte[] malformedDocument(final SplittableRandom random)
    {
        while (true)
        {
            final byte[] body = malformed(random);
            final String text = new String(body, StandardCharsets.UTF_8);
            if (!BasketReader.read(text, DocumentFormat.JSON).valid() && !BasketReader.read(text, DocumentFormat.YAML)
                .valid())
            {
                return body;
            }
        }
    }

    /** Random bytes, cut documents, flipped characters, deep nesting, huge numbers, wrong types, alias bombs. */
    private static byte[] malformed(final SplittableRandom random)
    {
        final byte[] valid = VALID.replace("fuzz-base", "fuzz-" + random.nextInt(1_000_000))
            .getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(8))
        {
            case 0 ->
            {
                final byte[] bytes = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 ->
            {
                return java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 2));
            }
            case 2 ->
            {
                final byte[] bytes = valid.clone();
                for (int i = 0; i < 1 + random.nextInt(5); i++)
                {
                    bytes[random.nextInt(bytes.length)] = (byte)"{}[]:,\"0-.x \n\\".charAt(random.nextInt(14));
                }
                return bytes;
            }
            case 3 ->
            {
                final int depth = 50 + random.nextInt(5_000);
                return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 4 ->
            {
                return new String(valid, StandardCharsets.UTF_8).replace("\"lots\": 1", "\"lots\": "
                    + "9".repeat(1 + random.nextInt(400))).getBytes(StandardCharsets.UTF_8);
            }
            case 5 ->
            {
                final String[] values = {"null", "true", "[]", "{}", "\"\"", "-1", "1e999", "\"\\u0000\""};
                return new String(valid, StandardCharsets.UTF_8).replace("\"ATM\"", values[random.nextInt(values.length)])
                    .replace("500000", values[random.nextInt(values.length)]).getBytes(StandardCharsets.UTF_8);
            }
            case 6 ->
            {
                final StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                for (int i = 1; i < 10; i++)
                {
                    bomb.append((char)('a' + i)).append(": &").append((char)('a' + i)).append(" [*")
                        .append((char)('a' + i - 1)).append(",*").append((char)('a' + i - 1)).append(",*")
                        .append((char)('a' + i - 1)).append("]\n");
                }
                return bomb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default ->
            {
                final String[] shapes = {"", " ", "[]", "\"basket\"", "42", "{\"account\": 7}", "{\"basket\": -1, "
                    + "\"strategy\": 1}", "{\"strategies\": []}", "\u00ff\u00fe"};
                return shapes[random.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
