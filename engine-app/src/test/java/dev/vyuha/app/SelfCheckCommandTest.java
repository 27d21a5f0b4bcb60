package dev.vyuha.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfCheckCommandTest
{
    @Test
    void shouldPrintEveryMessageAndPassEveryCheck()
    {
        final StringWriter output = new StringWriter();
        final CommandLine commandLine = VyuhaMain.newCommandLine();
        commandLine.setOut(new PrintWriter(output));

        final int exitCode = commandLine.execute("selfcheck");

        final String text = output.toString();
        assertEquals(0, exitCode, text);
        assertTrue(text.contains("SBE schema 7001 version 2"), text);
        assertTrue(text.contains("  2 DerivativeTick"), text);
        assertTrue(text.contains(" 30 NewOrder"), text);
        assertTrue(text.contains("Result: 7 of 7 checks passed"), text);
        assertTrue(!text.contains("FAIL"), text);
    }

    @Test
    void shouldListCommandsWhenRunWithoutOne()
    {
        final StringWriter output = new StringWriter();
        final CommandLine commandLine = VyuhaMain.newCommandLine();
        commandLine.setOut(new PrintWriter(output));

        assertEquals(0, commandLine.execute());
        assertTrue(output.toString().contains("selfcheck"), output.toString());
    }
}
