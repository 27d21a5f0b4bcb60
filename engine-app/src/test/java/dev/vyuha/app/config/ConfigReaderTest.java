package dev.vyuha.app.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReaderTest
{
    private static final Map<String, String> ENVIRONMENT = Map.of("VYUHA_ADMIN_TOKEN", "an-admin-token-of-length",
        "VYUHA_TRADER_TOKEN", "a-trader-token-of-length");

    @Test
    void shouldReadTheShippedExampleWithTokensFromTheEnvironment()
    {
        final VyuhaConfig config = new ConfigReader(ENVIRONMENT::get).read(Path.of("../deploy/vyuha.yaml"));
        assertEquals("PAPER", config.mode());
        assertEquals("ADMIN", config.adminTokens().get("an-admin-token-of-length"));
        assertEquals("TRADER", config.adminTokens().get("a-trader-token-of-length"));
        assertEquals(2_00_00_000_00L, config.maxOrderValuePaise());
        assertEquals(1, config.baskets().size());
        assertTrue(config.toString().contains("2 token(s), hidden"));
        assertTrue(!config.toString().contains("an-admin-token"));
    }

    @Test
    void shouldLetTheEnvironmentOverrideAnyKey()
    {
        final VyuhaConfig config = new ConfigReader(Map.of("VYUHA_ADMIN_PORT", "9090", "VYUHA_ADMIN_TOKEN",
            "an-admin-token-of-length", "VYUHA_ENGINE_WAIT_STRATEGY", "yielding")::get).read("mode: live\n",
            Path.of("."), "test");
        assertEquals(9090, config.adminPort());
        assertEquals("LIVE", config.mode());
        assertEquals("YIELDING", config.waitStrategy());
    }

    @Test
    void shouldReportEveryProblemWithItsPath()
    {
        final ConfigException problems = assertThrows(ConfigException.class, () -> new ConfigReader(k -> null).read(
            "mode: maybe\nadmin:\n  port: 99999\n  prot: 1\n  tokens:\n    - { token: short, role: god }\n"
                + "engine:\n  ring-size: 1000\njournal:\n  sync: ${NOT_SET}\n", Path.of("."), "vyuha.yaml"));
        final String text = String.join("\n", problems.problems());
        assertTrue(text.contains("mode: must be one of LIVE, PAPER, was MAYBE"), text);
        assertTrue(text.contains("admin.port: must be 0..65535, was 99999"), text);
        assertTrue(text.contains("admin.prot: unknown key"), text);
        assertTrue(text.contains("admin.tokens[0].token: must be at least 16 characters"), text);
        assertTrue(text.contains("admin.tokens[0].role: must be admin, trader or viewer, was 'god'"), text);
        assertTrue(text.contains("engine.ring-size: must be a power of two, was 1000"), text);
        assertTrue(text.contains("journal.sync: refers to ${NOT_SET}, which is not set in the environment"), text);
        assertTrue(problems.getMessage().startsWith("vyuha.yaml: "), problems.getMessage());
    }
}
