package dev.vyuha.wire;

import dev.vyuha.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.sbe.ir.Token;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever the bytes, the reader answers with a verdict and never throws; and whenever it says VALID, every
 * field, group entry and variable-length field of the message decodes without an exception.
 */
class FrameFuzzTest
{
    private static final int MUTATIONS = 40_000;
    private static final int GARBAGE_FRAMES = 40_000;

    private final FrameReader reader = new FrameReader(new FrameValidator(1 << 16));
    private final List<List<Token>> messages = SchemaIr.messagesByTemplateId();

    @Test
    void shouldNeverThrowOnMutatedValidFramesAndDecodeEveryValidOneCompletely()
    {
        final Random random = new Random(20_261_121L);
        int valid = 0;
        for (int i = 0; i < MUTATIONS; i++)
        {
            final List<Token> tokens = messages.get(random.nextInt(messages.size()));
            final UnsafeBuffer frame = FrameValidatorTest.encodeRandom(tokens, random);
            final UnsafeBuffer mutated = mutate(frame, random);
            valid += readAndDecodeIfValid(mutated) ? 1 : 0;
        }
        assertTrue(valid > 0, "some mutations leave the frame valid (value changes), so decode is exercised");
    }

    @Test
    void shouldNeverThrowOnGarbageFramesWithPlausibleHeaders()
    {
        final Random random = new Random(7001L);
        for (int i = 0; i < GARBAGE_FRAMES; i++)
        {
            final byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            final UnsafeBuffer frame = new UnsafeBuffer(bytes);
            if (bytes.length >= MessageHeaderEncoder.ENCODED_LENGTH && random.nextBoolean())
            {
                final List<Token> tokens = messages.get(random.nextInt(messages.size()));
                frame.putShort(2, (short)tokens.get(0).id(), ByteOrder.LITTLE_ENDIAN);
                frame.putShort(4, (short)MessageHeaderEncoder.SCHEMA_ID, ByteOrder.LITTLE_ENDIAN);
                frame.putShort(6, (short)(1 + random.nextInt(2)), ByteOrder.LITTLE_ENDIAN);
                if (random.nextBoolean())
                {
                    frame.putShort(0, (short)tokens.get(0).encodedLength(), ByteOrder.LITTLE_ENDIAN);
                }
            }
            readAndDecodeIfValid(frame);
        }
    }

    private boolean readAndDecodeIfValid(final UnsafeBuffer frame)
    {
        final FrameVerdict verdict = reader.read(frame, 0, frame.capacity());
        assertNotNull(verdict);
        assertNotNull(reader.rejectionReason());
        if (verdict != FrameVerdict.VALID)
        {
            return false;
        }
        final List<Token> tokens = messages.stream().filter(t -> t.get(0).id() == reader.templateId()).findFirst()
            .orElseThrow();
        final Object decoder = ReflectiveMessageCodec.invoke(reader,
            MessageRoundTripTest.decapitalise(tokens.get(0).name()), new Class<?>[0]);
        new ReflectiveMessageCodec(new Random(0), 0, 0).decodeAll(tokens, decoder);
        final int decodedLength = (int)ReflectiveMessageCodec.invoke(decoder, "encodedLength", new Class<?>[0]);
        assertEquals(frame.capacity(), MessageHeaderEncoder.ENCODED_LENGTH + decodedLength,
            "a valid frame's message ends exactly where the frame ends");
        return true;
    }

    private static UnsafeBuffer mutate(final UnsafeBuffer frame, final Random random)
    {
        final int length = frame.capacity();
        switch (random.nextInt(5))
        {
            case 0 ->
            {
                final int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++)
                {
                    final int at = random.nextInt(length);
                    frame.putByte(at, (byte)(frame.getByte(at) ^ (1 << random.nextInt(8))));
                }
                return frame;
            }
            case 1 ->
            {
                final int at = random.nextInt(length);
                frame.putByte(at, (byte)random.nextInt(256));
                return frame;
            }
            case 2 ->
            {
                final UnsafeBuffer shorter = new UnsafeBuffer(new byte[random.nextInt(length)]);
                shorter.putBytes(0, frame, 0, shorter.capacity());
                return shorter;
            }
            case 3 ->
            {
                final UnsafeBuffer longer = new UnsafeBuffer(new byte[length + 1 + random.nextInt(32)]);
                longer.putBytes(0, frame, 0, length);
                return longer;
            }
            default ->
            {
                // Overwrite a 2- or 4-byte window with an extreme value: lengths, counts, enum bytes.
                final int at = random.nextInt(Math.max(1, length - 4));
                final int[] extremes = {0, -1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF, 1};
                frame.putInt(at, extremes[random.nextInt(extremes.length)], ByteOrder.LITTLE_ENDIAN);
                return frame;
            }
        }
    }
}
