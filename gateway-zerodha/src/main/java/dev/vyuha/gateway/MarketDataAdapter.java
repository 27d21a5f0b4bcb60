package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.BrokerVenue;
import dev.vyuha.gateway.venue.MarketQuote;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes {@code DerivativeTick} frames from the market-data stream into a reused {@link MarketQuote} for the venue
 * (the paper venue fills against them). Other templates (index ticks) are skipped; bad frames are counted and logged.
 * Allocation free for valid frames.
 */
final class MarketDataAdapter implements FragmentHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataAdapter.class);

    private final FrameReader reader = new FrameReader();
    private final MarketQuote quote = new MarketQuote();
    private final BrokerVenue venue;
    private final EpochNanoClock clock;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();

    MarketDataAdapter(final BrokerVenue venue, final EpochNanoClock clock)
    {
        this.venue = venue;
        this.clock = clock;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (FrameVerdict.VALID != reader.read(buffer, offset, length))
        {
            badFrames.incrementAndGet();
            LOG.warn("bad market-data frame ({} bytes) ignored: {}", length, reader.rejectionReason());
            return;
        }
        if (DerivativeTickDecoder.TEMPLATE_ID != reader.templateId())
        {
            return;
        }
        final DerivativeTickDecoder tick = reader.derivativeTick();
        quote.reset(tick.instrumentToken(), clock.nanoTime(), tick.lastPrice());
        for (int level = 0; level < tick.bidDepth(); level++)
        {
            quote.addBid(tick.bidPrice(level), tick.bidQuantity(level));
        }
        for (int level = 0; level < tick.askDepth(); level++)
        {
            quote.addAsk(tick.askPrice(level), tick.askQuantity(level));
        }
        ticks.incrementAndGet();
        venue.onQuote(quote);
    }

    long ticks()
    {
        return ticks.get();
    }

    long badFrames()
    {
        return badFrames.get();
    }
}
