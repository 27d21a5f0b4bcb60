package dev.vyuha.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link VyuhaConfig} from YAML. Any value may be overridden from the environment: {@code VYUHA_} plus the
 * path in upper case with dots and dashes as underscores ({@code admin.port} is {@code VYUHA_ADMIN_PORT}); values may
 * also refer to the environment as {@code ${NAME}} (how tokens stay out of the file). Every problem is reported at
 * once, path-qualified; unknown keys are errors (a typo never silently falls back to a default).
 */
public final class ConfigReader
{
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Set<String> KEYS = Set.of("mode", "account", "journal.directory", "journal.sync",
        "instruments.file", "admin.host", "admin.port", "admin.tokens", "admin.max-request-bytes", "aeron.directory",
        "aeron.embedded-driver", "aeron.channel", "aeron.order-stream", "aeron.report-stream",
        "aeron.market-data-stream", "risk.max-lots-per-order", "risk.max-order-value", "risk.orders-per-second",
        "risk.orders-per-minute", "risk.orders-per-day", "engine.ring-size", "engine.wait-strategy",
        "engine.max-quote-age-ms", "engine.rate", "baskets");

    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    private JsonNode root = MissingNode.getInstance();
    private Path base = Path.of(".");

    /**
     * @param environment looks up environment variables (System::getenv in production).
     */
    public ConfigReader(final Function<String, String> environment)
    {
        this.environment = environment;
    }

    /**
     * @param file the YAML file.
     * @return the configuration.
     * @throws ConfigException listing every problem.
     */
    public VyuhaConfig read(final Path file)
    {
        try
        {
            return read(Files.readString(file), file.toAbsolutePath().getParent(), file.toString());
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + ex.getMessage()));
        }
    }

    /**
     * @param yaml   the configuration text.
     * @param base   directory relative paths are resolved against.
     * @param source name for messages.
     * @return the configuration.
     * @throws ConfigException listing every problem.
     */
    public VyuhaConfig read(final String yaml, final Path base, final String source)
    {
        this.base = null == base ? Path.of(".") : base;
        problems.clear();
        try
        {
            final JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            root = null == tree || tree.isMissingNode() || tree.isNull() ? MissingNode.getInstance() : tree;
        }
        catch (final JsonProcessingException ex)
        {
            throw new ConfigException(source, List.of("not valid YAML: " + ex.getOriginalMessage()
                + (null == ex.getLocation() ? "" : " (line " + ex.getLocation().getLineNr() + ")")));
        }
        if (!root.isMissingNode() && !root.isObject())
        {
            throw new ConfigException(source, List.of("the configuration must be a mapping of keys to values"));
        }
        checkKeys(root, "");
        final String mode = choice("mode", "PAPER", "LIVE", "PAPER");
        final VyuhaConfig config = new VyuhaConfig(
            mode,
            text("account", "PAPER"),
            path("journal.directory", "journal"),
            choice("journal.sync", "SYNC_PER_BATCH", "PAGE_CACHE", "SYNC_PER_BATCH"),
            optionalPath("instruments.file"),
            text("admin.host", "127.0.0.1"),
            (int)integer("admin.port", 8080, 0, 65_535),
            tokens(),
            (int)integer("admin.max-request-bytes", 1 << 20, 1024, 64 << 20),
            text("aeron.directory", "/dev/shm/vyuha"),
            bool("aeron.embedded-driver", true),
            text("aeron.channel", "aeron:ipc"),
            (int)integer("aeron.order-stream", 3001, 1, Integer.MAX_VALUE),
            (int)integer("aeron.report-stream", 3002, 1, Integer.MAX_VALUE),
            (int)integer("aeron.market-data-stream", 2001, 1, Integer.MAX_VALUE),
            (int)integer("risk.max-lots-per-order", 100, 1, 10_000),
            integer("risk.max-order-value", 2_00_00_000, 1, Long.MAX_VALUE / 100) * 100,
            (int)integer("risk.orders-per-second", 10, 1, 1_000),
            (int)integer("risk.orders-per-minute", 400, 1, 60_000),
            (int)integer("risk.orders-per-day", 5000, 1, 1_000_000),
            (int)integer("engine.ring-size", 1 << 14, 64, 1 << 24),
            choice("engine.wait-strategy", "BLOCKING", "BLOCKING", "YIELDING", "BUSY_SPIN"),
            integer("engine.max-quote-age-ms", 15_000, 1, 3_600_000),
            decimal("engine.rate", 0.065, -0.5, 1.0),
            baskets());
        if (Integer.bitCount(config.ringSize()) != 1)
        {
            problems.add("engine.ring-size: must be a power of two, was " + config.ringSize());
        }
        if (config.orderStreamId() == config.reportStreamId() || config.orderStreamId() == config.marketDataStreamId()
            || config.reportStreamId() == config.marketDataStreamId())
        {
            problems.add("aeron: order-stream, report-stream and market-data-stream must differ");
        }
        if (config.adminTokens().isEmpty())
        {
            problems.add("admin.tokens: at least one token is required (for example token: ${VYUHA_ADMIN_TOKEN}, "
                + "role: admin)");
        }
        if (!problems.isEmpty())
        {
            throw new ConfigException(source, List.copyOf(problems));
        }
        return config;
    }

    private void checkKeys(final JsonNode node, final String prefix)
    {
        for (final Map.Entry<String, JsonNode> field : node.properties())
        {
            final String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (KEYS.contains(path))
            {
                continue;
            }
            if (field.getValue().isObject() && KEYS.stream().anyMatch(key -> key.startsWith(path + ".")))
            {
                checkKeys(field.getValue(), path);
            }
            else
            {
                problems.add(path + ": unknown key");
            }
        }
    }

    /** @return the raw value: the environment override, else the file's; ${NAME} references resolved. */
    private String raw(final String path)
    {
        final String override = environment.apply("VYUHA_" + path.toUpperCase(Locale.ROOT).replace('.', '_')
            .replace('-', '_'));
        if (null != override)
        {
            return resolve(path, override);
        }
        JsonNode node = root;
        for (final String part : path.split("\\."))
        {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull())
        {
            return null;
        }
        if (!node.isValueNode())
        {
            problems.add(path + ": must be a single value, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        return resolve(path, node.asText());
    }

    private String resolve(final String path, final String value)
    {
        final Matcher matcher = REFERENCE.matcher(value);
        final StringBuilder resolved = new StringBuilder();
        while (matcher.find())
        {
            final String variable = environment.apply(matcher.group(1));
            if (null == variable)
            {
                problems.add(path + ": refers to ${" + matcher.group(1) + "}, which is not set in the environment");
                matcher.appendReplacement(resolved, "");
            }
            else
            {
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(variable));
            }
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String text(final String path, final String fallback)
    {
        final String value = raw(path);
        if (null != value && value.isBlank())
        {
            problems.add(path + ": must not be blank");
        }
        return null == value ? fallback : value;
    }

    private String choice(final String path, final String fallback, final String... allowed)
    {
        final String value = text(path, fallback).toUpperCase(Locale.ROOT).replace('-', '_');
        for (final String option : allowed)
        {
            if (option.equals(value))
            {
                return value;
            }
        }
        problems.add(path + ": must be one of " + String.join(", ", allowed) + ", was " + value);
        return fallback;
    }

    private long integer(final String path, final long fallback, final long min, final long max)
    {
        final String value = raw(path);
        if (null == value)
        {
            return fallback;
        }
        try
        {
            final long parsed = Long.parseLong(value.trim().replace("_", ""));
            if (parsed < min || parsed > max)
            {
                problems.add(path + ": must be " + min + ".." + max + ", was " + parsed);
                return fallback;
            }
            return parsed;
        }
        catch (final NumberFormatException ex)
        {
            problems.add(path + ": must be a whole number, was '" + value + "'");
            return fallback;
        }
    }

    private double decimal(final String path, final double fallback, final double min, final double max)
    {
        final String value = raw(path);
        if (null == value)
        {
            return fallback;
        }
        try
        {
            final double parsed = Double.parseDouble(value.trim());
            if (!(parsed >= min && parsed <= max))
            {
                problems.add(path + ": must be " + min + ".." + max + ", was " + parsed);
                return fallback;
            }
            return parsed;
        }
        catch (final NumberFormatException ex)
        {
            problems.add(path + ": must be a number, was '" + value + "'");
            return fallback;
        }
    }

    private boolean bool(final String path, final boolean fallback)
    {
        final String value = raw(path);
        if (null == value)
        {
            return fallback;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value))
        {
            return Boolean.parseBoolean(value);
        }
        problems.add(path + ": must be true or false, was '" + value + "'");
        return fallback;
    }

    private Path path(final String path, final String fallback)
    {
        return base.resolve(text(path, fallback)).normalize();
    }

    private Path optionalPath(final String path)
    {
        final String value = raw(path);
        return null == value ? null : base.resolve(value).normalize();
    }

    private Map<String, String> tokens()
    {
        final Map<String, String> tokens = new LinkedHashMap<>();
        final String single = environment.apply("VYUHA_ADMIN_TOKEN");
        if (null != single && !single.isBlank())
        {
            tokens.put(single, "ADMIN");
        }
        final JsonNode list = root.path("admin").path("tokens");
        if (list.isMissingNode() || list.isNull())
        {
            return tokens;
        }
        if (!list.isArray())
        {
            problems.add("admin.tokens: must be a list of { token, role }");
            return tokens;
        }
        for (int i = 0; i < list.size(); i++)
        {
            final String where = "admin.tokens[" + i + "]";
            final JsonNode entry = list.get(i);
            final String token = entry.path("token").isValueNode() ? resolve(where + ".token",
                entry.path("token").asText()) : null;
            final String role = entry.path("role").asText("").toUpperCase(Locale.ROOT);
            if (null == token || token.length() < 16)
            {
                problems.add(where + ".token: must be at least 16 characters (use ${SOME_VARIABLE} to keep it out of "
                    + "the file)");
            }
            if (!Set.of("ADMIN", "TRADER", "VIEWER").contains(role))
            {
                problems.add(where + ".role: must be admin, trader or viewer, was '" + entry.path("role").asText("")
                    + "'");
            }
            if (null != token && token.length() >= 16)
            {
                tokens.put(token, role);
            }
        }
        return tokens;
    }

    private List<Path> baskets()
    {
        final List<Path> files = new ArrayList<>();
        final JsonNode list = root.path("baskets");
        if (list.isMissingNode() || list.isNull())
        {
            return files;
        }
        if (!list.isArray())
        {
            problems.add("baskets: must be a list of basket files");
            return files;
        }
        for (int i = 0; i < list.size(); i++)
        {
            final Path file = base.resolve(list.get(i).asText()).normalize();
            if (!Files.isReadable(file))
            {
                problems.add("baskets[" + i + "]: cannot read " + file);
            }
            files.add(file);
        }
        return files;
    }
}
