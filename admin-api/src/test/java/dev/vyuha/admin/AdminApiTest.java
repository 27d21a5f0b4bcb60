package dev.vyuha.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vyuha.engine.scenario.Baskets;
import dev.vyuha.sbe.IndexTickEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.TickMode;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminApiTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningEngine running;

    private static String straddle(final String id)
    {
        return Baskets.basket("\"id\": \"" + id + "\",", Baskets.straddle("", ""));
    }

    @BeforeAll
    static void start()
    {
        running = new RunningEngine(64 * 1024);
    }

    @AfterAll
    static void stop()
    {
        running.close();
    }

    record Reply(int status, JsonNode body, String text)
    {
    }

    static Reply call(final String method, final String path, final String token, final String body,
        final String contentType) throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.api.port()
            + path)).method(method, null == body ? HttpRequest.BodyPublishers.noBody() :
            HttpRequest.BodyPublishers.ofString(body));
        if (null != token)
        {
            request.header("Authorization", "Bearer " + token);
        }
        if (null != contentType)
        {
            request.header("Content-Type", contentType);
        }
        final HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try
        {
            json = JSON.readTree(response.body());
        }
        catch (final IOException ex)
        {
            // Not JSON (metrics).
        }
        return new Reply(response.statusCode(), json, response.body());
    }

    static Reply get(final String path, final String token) throws IOException, InterruptedException
    {
        return call("GET", path, token, null, null);
    }

    static Reply post(final String path, final String token, final String body) throws IOException,
        InterruptedException
    {
        return call("POST", path, token, body, "application/json");
    }

    @Test
    void shouldServeHealthAndTheOpenApiDocumentWithoutAToken() throws Exception
    {
        final Reply health = get("/health", null);
        assertEquals(200, health.status());
        assertEquals("UP", health.body().get("status").asText());
        final Reply openApi = get("/openapi.json", null);
        assertEquals(200, openApi.status());
        final Iterator<String> paths = openApi.body().get("paths").fieldNames();
        int count = 0;
        while (paths.hasNext())
        {
            paths.next();
            count++;
        }
        assertEquals(19, count, "every route is documented");
    }

    @Test
    void shouldRefuseMissingAndWrongTokensAndInsufficientRoles() throws Exception
    {
        assertEquals(401, get("/baskets", null).status());
        assertEquals(401, get("/baskets", "not-a-valid-token-at-all").status());
        assertEquals(401, call("GET", "/baskets", null, null, null).status());
        assertEquals(200, get("/baskets", RunningEngine.VIEWER).status());
        final Reply forbidden = post("/baskets", RunningEngine.VIEWER, straddle("viewer-try"));
        assertEquals(403, forbidden.status());
        assertEquals("this needs the TRADER role; the token has VIEWER", forbidden.body().get("error").asText());
        assertEquals(403, post("/kill-switch/engage", RunningEngine.TRADER, null).status());
    }

    @Test
    void shouldLoadGetUpdatePauseAndArchiveABasket() throws Exception
    {
        final Reply created = post("/baskets", RunningEngine.TRADER, straddle("lifecycle"));
        assertEquals(201, created.status(), created.text());
        final long number = created.body().get("basket").asLong();
        assertEquals(1, created.body().get("version").asLong());
        assertEquals("lifecycle", get("/baskets/" + number, RunningEngine.VIEWER).body().get("id").asText());
        assertTrue(get("/baskets", RunningEngine.VIEWER).text().contains("\"lifecycle\""));
        assertEquals(409, post("/baskets", RunningEngine.TRADER, straddle("lifecycle")).status());

        assertEquals(428, call("PUT", "/baskets/" + number, RunningEngine.TRADER, straddle("lifecycle"),
            "application/json").status());
        final Reply stale = call("PUT", "/baskets/" + number + "?version=7", RunningEngine.TRADER,
            straddle("lifecycle"), "application/json");
        assertEquals(409, stale.status());
        assertTrue(stale.body().get("details").get(0).asText().startsWith("version conflict"));
        final Reply updated = call("PUT", "/baskets/" + number + "?version=1", RunningEngine.TRADER,
            straddle("lifecycle").replace("09:20", "09:45"), "application/json");
        assertEquals(200, updated.status(), updated.text());
        assertEquals(2, updated.body().get("version").asLong());

        assertEquals(200, post("/baskets/" + number + "/pause", RunningEngine.TRADER, null).status());
        assertTrue(get("/strategies", RunningEngine.VIEWER).body().get(0).get("strategy").get("paused").asBoolean()
            || get("/strategies", RunningEngine.VIEWER).text().contains("\"paused\":true"));
        assertEquals(404, post("/baskets/" + number + "/strategies/9/pause", RunningEngine.TRADER, null).status());
        assertEquals(404, post("/baskets/" + number + "/explode", RunningEngine.TRADER, null).status());
        assertEquals(200, post("/baskets/" + number + "/strategies/1/resume", RunningEngine.TRADER, null).status());

        assertEquals(200, call("DELETE", "/baskets/" + number, RunningEngine.TRADER, null, null).status());
        assertEquals("ARCHIVED", get("/baskets/" + number, RunningEngine.VIEWER).body().get("status").asText());
        assertEquals(409, call("DELETE", "/baskets/" + number, RunningEngine.TRADER, null, null).status());
    }

    @Test
    void shouldRefuseAnInvalidDocumentWithPathQualifiedDetails() throws Exception
    {
        final Reply refused = post("/baskets", RunningEngine.TRADER, straddle("broken").replace("\"lots\": 1",
            "\"lots\": 0"));
        assertEquals(400, refused.status());
        assertEquals("the basket document is not valid", refused.body().get("error").asText());
        assertTrue(refused.body().get("details").get(0).asText().startsWith("strategies[0].legs[0].lots"),
            refused.text());
        final Reply notJson = post("/baskets", RunningEngine.TRADER, "{ not json");
        assertEquals(400, notJson.status());
    }

    @Test
    void shouldValidateWithoutLoadingAndAcceptYaml() throws Exception
    {
        final Reply validated = post("/baskets?validate_only=true", RunningEngine.TRADER, straddle("dry-run"));
        assertEquals(200, validated.status());
        assertFalse(get("/baskets", RunningEngine.VIEWER).text().contains("dry-run"));
        final String yaml = "id: yaml-basket\nname: yaml\ninitial_capital: 100000\nexecution_mode: PAPER\n"
            + "strategies:\n  - id: s\n    name: s\n    underlying: NIFTY\n    schedule: { entry_time: \"09:20\", "
            + "exit_time: \"15:15\" }\n    legs:\n      - { option_type: CE, side: SELL, lots: 1, expiry: WEEKLY, strike: { method: ATM } }\n";
        final Reply loaded = call("POST", "/baskets", RunningEngine.TRADER, yaml, "application/yaml");
        assertEquals(201, loaded.status(), loaded.text());
    }

    @Test
    void shouldRefuseABodyAboveTheLimitWith413() throws Exception
    {
        final String huge = "{ \"name\": \"" + "x".repeat(70 * 1024) + "\" }";
        final Reply reply = post("/baskets", RunningEngine.TRADER, huge);
        assertEquals(413, reply.status(), reply.text());
    }

    @Test
    void shouldReturnJson404ForUnknownResources() throws Exception
    {
        assertEquals(404, get("/baskets/9999", RunningEngine.VIEWER).status());
        assertEquals(400, get("/baskets/abc", RunningEngine.VIEWER).status());
        final Reply unknown = get("/no-such-thing", RunningEngine.VIEWER);
        assertEquals(404, unknown.status());
        assertEquals(404, unknown.body().get("status").asInt());
    }

    @Test
    void shouldEngageAndClearTheKillSwitch() throws Exception
    {
        final Reply engaged = post("/kill-switch/engage?reason=drill", RunningEngine.ADMIN, null);
        assertEquals(200, engaged.status(), engaged.text());
        assertTrue(get("/kill-switch", RunningEngine.VIEWER).body().get("engaged").asBoolean());
        assertEquals(200, post("/kill-switch/clear", RunningEngine.ADMIN, null).status());
        assertFalse(get("/kill-switch", RunningEngine.VIEWER).body().get("engaged").asBoolean());
        assertEquals(404, post("/kill-switch/maybe", RunningEngine.ADMIN, null).status());
    }

    @Test
    void shouldPublishATemplateAndSubscribeAnAccountToIt() throws Exception
    {
        final String template = "{ \"id\": \"income\", \"name\": \"Income\", \"is_template\": true, "
            + "\"initial_capital\": 500000, \"execution_mode\": \"PAPER\", \"strategies\": [" + Baskets.straddle("", "")
            + "] }";
        assertEquals(403, post("/marketplace/templates", RunningEngine.TRADER, template).status());
        final Reply published = post("/marketplace/templates", RunningEngine.ADMIN, template);
        assertEquals(201, published.status(), published.text());
        assertTrue(get("/marketplace/templates", RunningEngine.VIEWER).text().contains("\"income\""));
        final Reply subscribed = post("/marketplace/templates/income/subscribe", RunningEngine.TRADER,
            "{ \"account\": \"AB1234\", \"multiplier\": 3 }");
        assertEquals(201, subscribed.status(), subscribed.text());
        assertEquals("income-AB1234", subscribed.body().get("id").asText());
        assertEquals(409, post("/marketplace/templates/income/subscribe", RunningEngine.TRADER,
            "{ \"account\": \"AB1234\" }").status());
        assertEquals(400, post("/marketplace/templates/income/subscribe", RunningEngine.TRADER, "{}").status());
        assertEquals(404, post("/marketplace/templates/nope/subscribe", RunningEngine.TRADER,
            "{ \"account\": \"AB1234\" }").status());
    }

    @Test
    void shouldServeOrdersPositionsPnlTradesAnalyticsMetricsAndTheChain() throws Exception
    {
        for (final String path : new String[] {"/orders", "/positions", "/pnl", "/trades", "/analytics", "/strategies"})
        {
            final Reply reply = get(path, RunningEngine.VIEWER);
            assertEquals(200, reply.status(), path + ": " + reply.text());
        }
        final Reply metrics = get("/metrics", RunningEngine.VIEWER);
        assertTrue(metrics.text().contains("vyuha_commands_total "), metrics.text());
        assertTrue(metrics.text().contains("# TYPE vyuha_decision_latency_seconds summary"));
        assertEquals(404, get("/option-chain/NOSUCH", RunningEngine.VIEWER).status());
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer();
        final IndexTickEncoder tick = new IndexTickEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .instrumentToken(256_265).mode(TickMode.LTP).lastPrice(24_010_00)
            .openPrice(IndexTickEncoder.openPriceNullValue()).highPrice(IndexTickEncoder.highPriceNullValue())
            .lowPrice(IndexTickEncoder.lowPriceNullValue()).closePrice(IndexTickEncoder.closePriceNullValue())
            .change(IndexTickEncoder.changeNullValue()).exchangeTimestampNs(IndexTickEncoder.exchangeTimestampNsNullValue());
        running.publish(frame, MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength());
        assertEquals(400, post("/positions/close", RunningEngine.TRADER, "{ \"basket\": \"x\" }").status());
        // The chain appears once the spot has ticked and a read model is published.
        running.engine.requestSnapshot();
        running.publish(frame, MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength());
        Reply chain = get("/option-chain/nifty", RunningEngine.VIEWER);
        for (int i = 0; i < 100 && chain.status() != 200; i++)
        {
            Thread.sleep(20);
            running.engine.requestSnapshot();
            running.publish(frame, MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength());
            chain = get("/option-chain/nifty", RunningEngine.VIEWER);
        }
        assertEquals(200, chain.status(), chain.text());
        assertEquals("2026-08-18", chain.body().get("expiry").asText());
    }
}
