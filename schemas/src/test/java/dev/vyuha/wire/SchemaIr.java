package dev.vyuha.wire;

import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.xml.IrGenerator;
import uk.co.real_logic.sbe.xml.MessageSchema;
import uk.co.real_logic.sbe.xml.ParserOptions;
import uk.co.real_logic.sbe.xml.XmlSchemaParser;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schema's intermediate representation, parsed by SBE's own tool from the schema file shipped in the jar: the
 * independent source of truth that tests compare hand-written tables and codec behaviour against.
 */
final class SchemaIr
{
    static final String SCHEMA_RESOURCE = "/sbe/vyuha-messages.xml";
    private static final Ir IR = load();

    private SchemaIr()
    {
    }

    static Ir ir()
    {
        return IR;
    }

    static List<List<Token>> messagesByTemplateId()
    {
        final List<List<Token>> messages = new ArrayList<>(IR.messages());
        messages.sort(Comparator.comparingInt(tokens -> tokens.get(0).id()));
        return messages;
    }

    static String javaPackage()
    {
        return IR.packageName();
    }

    private static Ir load()
    {
        try (InputStream in = SchemaIr.class.getResourceAsStream(SCHEMA_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException("schema resource missing from the classpath: " + SCHEMA_RESOURCE);
            }
            final MessageSchema schema = XmlSchemaParser.parse(in, ParserOptions.DEFAULT);
            return new IrGenerator().generate(schema);
        }
        catch (final java.io.IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("schema does not parse: " + ex, ex);
        }
    }
}
