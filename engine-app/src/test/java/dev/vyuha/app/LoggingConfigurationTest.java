package dev.vyuha.app;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class LoggingConfigurationTest
{
    @Test
    void shouldParseAndSendLogsToStandardErrorSoThatCommandOutputStaysClean() throws Exception
    {
        final Document document;
        try (InputStream xml = VyuhaMain.class.getResourceAsStream("/logback.xml"))
        {
            assertNotNull(xml, "logback.xml is packaged");
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        }
        final Element target = (Element)document.getElementsByTagName("target").item(0);
        assertEquals("System.err", target.getTextContent().trim(), "audit --json prints JSON lines on stdout");
        final Element chronicle = (Element)document.getElementsByTagName("logger").item(0);
        assertEquals("net.openhft", chronicle.getAttribute("name"));
    }
}
