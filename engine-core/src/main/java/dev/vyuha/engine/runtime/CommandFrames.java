package dev.vyuha.engine.runtime;

import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.BrokerSessionEncoder;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateEncoder;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.InstrumentMasterLoadedEncoder;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.KillSwitchEncoder;
import dev.vyuha.sbe.LoadBasketEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.RemoveBasketEncoder;
import dev.vyuha.sbe.StrategyAction;
import dev.vyuha.sbe.StrategyControlEncoder;
import dev.vyuha.sbe.TimerEncoder;
import dev.vyuha.sbe.Underlying;
import dev.vyuha.sbe.UpdateBasketEncoder;
import dev.vyuha.wire.ContentHash;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the engine's own commands (everything that is not a market tick or a broker report): timers, basket
 * documents and controls, the kill switch, the instrument master, feed and broker-session states. Frames carry a zero
 * command header; the ring stamps sequence and time on entry. Each method encodes at the offset and returns the
 * frame's length; use an expandable buffer for documents and masters.
 *
 * <p>Reusable; not thread-safe (one per producer thread).
 */
public final class CommandFrames
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TimerEncoder timer = new TimerEncoder();
    private final LoadBasketEncoder loadBasket = new LoadBasketEncoder();
    private final UpdateBasketEncoder updateBasket = new UpdateBasketEncoder();
    private final RemoveBasketEncoder removeBasket = new RemoveBasketEncoder();
    private final StrategyControlEncoder strategyControl = new StrategyControlEncoder();
    private final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
    private final InstrumentMasterLoadedEncoder instrumentMaster = new InstrumentMasterLoadedEncoder();
    private final FeedStateEncoder feedState = new FeedStateEncoder();
    private final BrokerSessionEncoder brokerSession = new BrokerSessionEncoder();

    /**
     * @param buffer     destination.
     * @param offset     where the frame starts.
     * @param timerId    which timer.
     * @param deadlineNs the instant it was scheduled for.
     * @return frame length.
     */
    public int timer(final MutableDirectBuffer buffer, final int offset, final long timerId, final long deadlineNs)
    {
        timer.wrapAndApplyHeader(buffer, offset, header).timerId(timerId).deadlineNs(deadlineNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength();
    }

    /**
     * @param buffer       destination.
     * @param offset       where the frame starts.
     * @param requestId    correlates the outcome event.
     * @param format       JSON or YAML.
     * @param validateOnly true to validate and report without loading.
     * @param requestedBy  who asked.
     * @param text         the document, exactly as received.
     * @return frame length.
     */
    public int loadBasket(final MutableDirectBuffer buffer, final int offset, final long requestId,
        final BasketFormat format, final boolean validateOnly, final String requestedBy, final String text)
    {
        loadBasket.wrapAndApplyHeader(buffer, offset, header).requestId(requestId).format(format)
            .validateOnly(validateOnly ? BooleanType.TRUE : BooleanType.FALSE).requestedBy(requestedBy)
            .basketText(text);
        return MessageHeaderEncoder.ENCODED_LENGTH + loadBasket.encodedLength();
    }

    /**
     * @param buffer          destination.
     * @param offset          where the frame starts.
     * @param requestId       correlates the outcome event.
     * @param basketNumber    the engine-assigned basket number.
     * @param expectedVersion the version this update replaces.
     * @param format          JSON or YAML.
     * @param requestedBy     who asked.
     * @param text            the new document.
     * @return frame length.
     */
    public int updateBasket(final MutableDirectBuffer buffer, final int offset, final long requestId,
        final long basketNumber, final int expectedVersion, final BasketFormat format, final String requestedBy,
        final String text)
    {
        updateBasket.wrapAndApplyHeader(buffer, offset, header).requestId(requestId).basketId(basketNumber)
            .expectedVersion(expectedVersion).format(format).requestedBy(requestedBy).basketText(text);
        return MessageHeaderEncoder.ENCODED_LENGTH + updateBasket.encodedLength();
    }

    /**
     * @param buffer       destination.
     * @param offset       where the frame starts.
     * @param requestId    correlates the outcome event.
     * @param basketNumber the basket.
     * @param requestedBy  who asked.
     * @return frame length.
     */
    public int removeBasket(final MutableDirectBuffer buffer, final int offset, final long requestId,
        final long basketNumber, final String requestedBy)
    {
        removeBasket.wrapAndApplyHeader(buffer, offset, header).requestId(requestId).basketId(basketNumber)
            .requestedBy(requestedBy);
        return MessageHeaderEncoder.ENCODED_LENGTH + removeBasket.encodedLength();
    }

    /**
     * @param buffer         destination.
     * @param offset         where the frame starts.
     * @param requestId      correlates the outcome event.
     * @param basketNumber   the basket.
     * @param strategyNumber 1-based strategy number in the basket, or 0 for every strategy.
     * @param action         what to do.
     * @param requestedBy    who asked.
     * @param reason         why.
     * @return frame length.
     */
    public int strategyControl(final MutableDirectBuffer buffer, final int offset, final long requestId,
        final long basketNumber, final int strategyNumber, final StrategyAction action, final String requestedBy,
        final String reason)
    {
        strategyControl.wrapAndApplyHeader(buffer, offset, header).requestId(requestId).basketId(basketNumber)
            .strategyId(strategyNumber <= 0 ? StrategyControlEncoder.strategyIdNullValue() : strategyNumber)
            .action(action).requestedBy(requestedBy).reason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + strategyControl.encodedLength();
    }

    /**
     * @param buffer      destination.
     * @param offset      where the frame starts.
     * @param requestId   correlates the outcome event.
     * @param action      engage or clear.
     * @param requestedBy who asked.
     * @param reason      why.
     * @return frame length.
     */
    public int killSwitch(final MutableDirectBuffer buffer, final int offset, final long requestId,
        final KillSwitchAction action, final String requestedBy, final String reason)
    {
        killSwitch.wrapAndApplyHeader(buffer, offset, header).requestId(requestId).action(action)
            .requestedBy(requestedBy).reason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + killSwitch.encodedLength();
    }

    /**
     * The day's instrument master, with its row count and content hash (checked on load).
     *
     * @param buffer      destination.
     * @param offset      where the frame starts.
     * @param tradingDate IST trading date, days since the epoch.
     * @param source      where it came from.
     * @param csv         the Kite instruments CSV with its header.
     * @return frame length.
     */
    public int instrumentMaster(final MutableDirectBuffer buffer, final int offset, final int tradingDate,
        final String source, final String csv)
    {
        instrumentMaster.wrapAndApplyHeader(buffer, offset, header).tradingDate(tradingDate).rowCount(dataRows(csv))
            .contentHash(ContentHash.of(csv)).source(source).instrumentsCsv(csv);
        return MessageHeaderEncoder.ENCODED_LENGTH + instrumentMaster.encodedLength();
    }

    /**
     * @param csv a CSV with a header line.
     * @return its non-blank lines after the header.
     */
    public static int dataRows(final String csv)
    {
        int rows = 0;
        int start = 0;
        boolean header = true;
        while (start < csv.length())
        {
            int end = csv.indexOf('\n', start);
            end = end < 0 ? csv.length() : end;
            if (!csv.substring(start, end).isBlank())
            {
                if (header)
                {
                    header = false;
                }
                else
                {
                    rows++;
                }
            }
            start = end + 1;
        }
        return rows;
    }

    /**
     * @param buffer          destination.
     * @param offset          where the frame starts.
     * @param scope           instrument, underlying or the whole feed.
     * @param status          stale or recovered.
     * @param instrumentToken for INSTRUMENT scope, else 0.
     * @param underlying      for UNDERLYING scope, else null.
     * @param lastTickTimeNs  time of the last tick seen, or 0 if unknown.
     * @param reason          why.
     * @return frame length.
     */
    public int feedState(final MutableDirectBuffer buffer, final int offset, final FeedScope scope,
        final FeedStatus status, final long instrumentToken, final Underlying underlying, final long lastTickTimeNs,
        final String reason)
    {
        feedState.wrapAndApplyHeader(buffer, offset, header).scope(scope).status(status)
            .instrumentToken(instrumentToken).underlying(null == underlying ? Underlying.NULL_VAL : underlying)
            .lastTickTimeNs(lastTickTimeNs > 0 ? lastTickTimeNs : FeedStateEncoder.lastTickTimeNsNullValue())
            .reason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + feedState.encodedLength();
    }

    /**
     * @param buffer  destination.
     * @param offset  where the frame starts.
     * @param account the broker account.
     * @param status  valid, expired or disconnected.
     * @param reason  why.
     * @return frame length.
     */
    public int brokerSession(final MutableDirectBuffer buffer, final int offset, final String account,
        final BrokerSessionStatus status, final String reason)
    {
        brokerSession.wrapAndApplyHeader(buffer, offset, header).account(account).status(status).reason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + brokerSession.encodedLength();
    }
}
