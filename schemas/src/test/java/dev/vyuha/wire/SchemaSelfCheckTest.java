package dev.vyuha.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaSelfCheckTest
{
    @Test
    void shouldPassEveryCheckAndListEveryMessage()
    {
        final SchemaSelfCheck.Report report = SchemaSelfCheck.run();
        assertTrue(report.passed(), () -> report.checks().toString());
        assertEquals(7001, report.schemaId());
        assertEquals(MessageLayouts.all().size(), report.catalogue().size());
        assertEquals(7, report.checks().size());
    }
}
