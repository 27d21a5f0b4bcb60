package dev.vyuha.engine.strategy.definition.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed and hostile documents: every one is an error with a reason, never an exception.
 */
class DocumentSyntaxTest
{
    private static final String YAML_BASE = """
        name: Test basket
        initial_capital: 500000
        execution_mode: PAPER
        strategies:
          - name: Straddle
            underlying: NIFTY
            schedule: { entry_time: "09:30", exit_time: "15:15" }
            legs:
              - option_type: CE
                side: SELL
                lots: 1
                expiry: WEEKLY
                strike: { method: ATM }
                stop_loss: { type: PERCENT, value: 30 }
        """;

    @Test
    void shouldAcceptTheYamlBase()
    {
        assertEquals(List.of(), BasketReader.read(YAML_BASE, DocumentFormat.YAML).errors());
    }

    @Test
    void shouldReportEveryDuplicateKeyInJsonAndKeepReading()
    {
        final String json = BaseDocument.create().json()
            .replaceFirst("\"name\":\"Test basket\"", "\"name\":\"Test basket\",\"name\":\"Other\"")
            .replaceFirst("\"lots\":1", "\"lots\":1,\"lots\":2")
            .replaceFirst("\"initial_capital\":500000", "\"initial_capital\":-1");

        assertEquals(List.of(
            "name: duplicate key: each key may appear only once in an object",
            "strategies[0].legs[0].lots: duplicate key: each key may appear only once in an object",
            "initial_capital: must be > 0, was -1"), errors(BasketReader.read(json, DocumentFormat.JSON)));
    }

    @Test
    void shouldReportDuplicateKeysInYamlIncludingWholeObjects()
    {
        final String yaml = YAML_BASE.replace("    underlying: NIFTY\n",
            "    underlying: NIFTY\n    schedule: { entry_time: \"10:00\", exit_time: \"15:00\" }\n");

        assertEquals(List.of("strategies[0].schedule: duplicate key: each key may appear only once in an object"),
            errors(BasketReader.read(yaml, DocumentFormat.YAML)));
    }

    @Test
    void shouldLocateAJsonSyntaxError()
    {
        assertEquals(List.of("strategies: not valid JSON at line 1, column 29: Unexpected character (']' (code 93)): "
            + "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
            errors(BasketReader.read("{\"name\": \"x\", \"strategies\": ]}", DocumentFormat.JSON)));
    }

    @Test
    void shouldReportAYamlSyntaxError()
    {
        final List<String> errors = errors(BasketReader.read("name: [unclosed\nstrategies: {", DocumentFormat.YAML));

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("not valid YAML"), errors.toString());
    }

    @ParameterizedTest
    @EnumSource(DocumentFormat.class)
    void shouldRejectAnEmptyDocument(final DocumentFormat format)
    {
        assertEquals(List.of("$: the document is empty"), errors(BasketReader.read("", format)));
        assertFalse(BasketReader.read("  \n ", format).valid());
    }

    @Test
    void shouldRejectADocumentThatIsNotAnObject()
    {
        assertEquals(List.of("$: must be an object, was an array"), errors(BasketReader.read("[1, 2]",
            DocumentFormat.JSON)));
        assertEquals(List.of("$: must be an object, was \"just text\""), errors(BasketReader.read("just text",
            DocumentFormat.YAML)));
    }

    @Test
    void shouldRejectContentAfterTheDocument()
    {
        assertEquals(List.of("$: unexpected content after the JSON document"),
            errors(BasketReader.read(BaseDocument.create().json() + " {}", DocumentFormat.JSON)));
        assertEquals(List.of("$: a basket file holds exactly one YAML document"),
            errors(BasketReader.read(YAML_BASE + "---\nname: second\n", DocumentFormat.YAML)));
    }

    @ParameterizedTest
    @EnumSource(DocumentFormat.class)
    void shouldRejectADocumentOverTheSizeLimit(final DocumentFormat format)
    {
        final String huge = "{\"name\": \"" + "x".repeat(TreeReader.MAX_DOCUMENT_CHARS) + "\"}";

        assertEquals(List.of("$: the document has " + huge.length() + " characters, more than the limit of 1048576"),
            errors(BasketReader.read(huge, format)));
    }

    @ParameterizedTest
    @EnumSource(DocumentFormat.class)
    void shouldRejectDeepNestingWithoutStackOverflow(final DocumentFormat format)
    {
        final String deep = "{\"name\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        final List<String> errors = errors(BasketReader.read(deep, format));

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("exceeds the maximum allowed (64)"), errors.toString());
    }

    @ParameterizedTest
    @EnumSource(DocumentFormat.class)
    void shouldRejectHugeStrings(final DocumentFormat format)
    {
        final String document = "{\"name\": \"" + "x".repeat(20_000) + "\"}";

        final List<String> errors = errors(BasketReader.read(document, format));

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("name: ") && errors.get(0).contains("10000"), errors.toString());
    }

    @Test
    void shouldRejectLongStringsThatFitTheDocumentLimitsByTheirFieldLimit()
    {
        assertEquals(List.of("name: must have at most 100 characters, was \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "... (101 characters)\""), errors(BaseDocument.create().set("/name", "\"" + "x".repeat(101) + "\"")
            .read()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1" + "000000000000000000000000000000000000000000000000000000000000000000000",
        "1e999999999", "-1e-999999999", "123456789012345678901234567890.5"})
    void shouldRejectAbsurdNumbersWithoutOverflow(final String number)
    {
        final BasketValidation validation = BasketReader.read(
            BaseDocument.create().json().replace("\"lots\":1", "\"lots\":" + number), DocumentFormat.JSON);

        assertFalse(validation.valid());
        assertTrue(validation.errors().stream().noneMatch(issue -> issue.message().contains("internal error")),
            validation.errors().toString());
    }

    @Test
    void shouldRefuseYamlAliases()
    {
        final String yaml = YAML_BASE.replace("stop_loss: { type: PERCENT, value: 30 }",
            "stop_loss: &sl { type: PERCENT, value: 30 }\n        target: *sl");

        assertEquals(List.of("strategies[0].legs[0].target: YAML aliases are not supported, write the value out, was "
            + "*sl"), errors(BasketReader.read(yaml, DocumentFormat.YAML)));
    }

    @Test
    void shouldReadYamlNumbersAndBooleansStrictly()
    {
        assertEquals(List.of("strategies[0].legs[0].lots: must be an integer, was \"01\""),
            errors(BasketReader.read(YAML_BASE.replace("lots: 1", "lots: 01"), DocumentFormat.YAML)));
        assertEquals(List.of("strategies[0].legs[0].lots: must be an integer, was \"0x1\""),
            errors(BasketReader.read(YAML_BASE.replace("lots: 1", "lots: 0x1"), DocumentFormat.YAML)));
        assertEquals(List.of("strategies[0].legs[0].is_hedge: must be true or false, was \"yes\""),
            errors(BasketReader.read(YAML_BASE.replace("lots: 1", "lots: 1\n        is_hedge: yes"),
            DocumentFormat.YAML)));
        assertEquals(List.of(), errors(BasketReader.read(YAML_BASE.replace("name: Test basket", "name: 012"),
            DocumentFormat.YAML)), "a name that looks octal stays a string");
    }

    @Test
    void shouldAcceptUnquotedYamlTimes()
    {
        final String yaml = YAML_BASE.replace("{ entry_time: \"09:30\", exit_time: \"15:15\" }",
            "{ entry_time: 09:30, exit_time: 15:15 }");

        assertEquals(List.of(), errors(BasketReader.read(yaml, DocumentFormat.YAML)));
    }

    @Test
    void shouldAcceptAndIgnoreTheSchemaReferenceButCheckItsType()
    {
        assertTrue(BaseDocument.create().set("/$schema", "\"../basket.schema.json\"").read().valid());
        assertEquals(List.of("$schema: must be a string, was 1"),
            errors(BaseDocument.create().set("/$schema", "1").read()));
    }

    @Test
    void shouldCapTheIssuesKeptButCountThemAll()
    {
        final StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 500; i++)
        {
            json.append("\"unknown_").append(i).append("\": 1, ");
        }
        json.append("\"name\": \"x\"}");

        final List<Issue> errors = BasketReader.read(json.toString(), DocumentFormat.JSON).errors();

        assertEquals(IssueCollector.MAX_KEPT + 1, errors.size());
        assertEquals("$: 303 more errors not shown", errors.get(errors.size() - 1).toString());
    }

    @Test
    void shouldQuoteOddKeysInPaths()
    {
        assertEquals(List.of("[\"bad key\"]: unknown field"),
            errors(BaseDocument.create().set("/bad key", "1").read()));
    }

    @Test
    void shouldReadStreamsAndReadersLikeStrings()
    {
        final String json = BaseDocument.create().json();

        assertTrue(BasketReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            DocumentFormat.JSON).valid());
        assertTrue(BasketReader.read(new StringReader(json), DocumentFormat.JSON).valid());
        assertTrue(BasketReader.read("\uFEFF" + json, DocumentFormat.JSON).valid(), "a byte-order mark is skipped");
    }

    @Test
    void shouldRejectStreamsThatAreTooLargeNotUtf8OrFailing()
    {
        final byte[] large = new byte[BasketReader.MAX_DOCUMENT_SIZE + 10];
        assertEquals(List.of("$: the document is larger than the limit of 1048576 bytes"),
            errors(BasketReader.read(new ByteArrayInputStream(large), DocumentFormat.JSON)));
        assertEquals(List.of("$: the document is larger than the limit of 1048576 characters"),
            errors(BasketReader.read(new StringReader(" ".repeat(BasketReader.MAX_DOCUMENT_SIZE + 1)),
            DocumentFormat.YAML)));
        assertEquals(List.of("$: the document is not valid UTF-8 text"), errors(BasketReader.read(
            new ByteArrayInputStream(new byte[]{'{', (byte)0xC3, (byte)0x28, '}'}), DocumentFormat.JSON)));
        final InputStream failing = new InputStream()
        {
            @Override
            public int read() throws IOException
            {
                throw new IOException("disk on fire");
            }
        };
        assertEquals(List.of("$: cannot read the document: disk on fire"),
            errors(BasketReader.read(failing, DocumentFormat.JSON)));
    }

    private static List<String> errors(final BasketValidation validation)
    {
        assertEquals(validation.valid(), validation.basket().isPresent());
        return validation.errors().stream().map(Issue::toString).collect(Collectors.toList());
    }
}
