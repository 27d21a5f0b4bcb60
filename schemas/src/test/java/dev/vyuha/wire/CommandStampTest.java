package dev.vyuha.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandStampTest
{
    @TestFactory
    Stream<DynamicTest> shouldStampSequenceAndTimestampIntoEveryMessageWithoutDecodingIt()
    {
        final FrameReader reader = new FrameReader();
        return SchemaIr.messagesByTemplateId().stream().map(tokens -> DynamicTest.dynamicTest(tokens.get(0).name(),
            () ->
            {
                final UnsafeBuffer frame = FrameValidatorTest.encodeRandom(tokens, new Random(tokens.get(0).id()));
                CommandStamp.stamp(frame, 0, 123_456_789L, 1_787_040_000_123_456_789L);

                assertEquals(FrameVerdict.VALID, reader.read(frame, 0, frame.capacity()));
                final Object decoder = ReflectiveMessageCodec.invoke(reader,
                    MessageRoundTripTest.decapitalise(tokens.get(0).name()), new Class<?>[0]);
                final Object header = ReflectiveMessageCodec.invoke(decoder, "commandHeader", new Class<?>[0]);
                assertEquals(123_456_789L, ReflectiveMessageCodec.invoke(header, "sequence", new Class<?>[0]));
                assertEquals(1_787_040_000_123_456_789L,
                    ReflectiveMessageCodec.invoke(header, "timestampNs", new Class<?>[0]));
                assertEquals(123_456_789L, CommandStamp.sequence(frame, 0));
                assertEquals(1_787_040_000_123_456_789L, CommandStamp.timestampNs(frame, 0));
            }));
    }
}
