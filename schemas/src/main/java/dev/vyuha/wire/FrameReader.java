package dev.vyuha.wire;

import dev.vyuha.sbe.BrokerSessionDecoder;
import dev.vyuha.sbe.CancelOrderDecoder;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.ExecutionReportDecoder;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.InstrumentMasterLoadedDecoder;
import dev.vyuha.sbe.KillSwitchDecoder;
import dev.vyuha.sbe.LoadBasketDecoder;
import dev.vyuha.sbe.ModifyOrderDecoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.ReconciliationReportDecoder;
import dev.vyuha.sbe.ReconciliationRequestDecoder;
import dev.vyuha.sbe.RemoveBasketDecoder;
import dev.vyuha.sbe.StrategyControlDecoder;
import dev.vyuha.sbe.TimerDecoder;
import dev.vyuha.sbe.UpdateBasketDecoder;
import org.agrona.DirectBuffer;

/**
 * The validating decode wrapper: {@link #read} validates a frame with a {@link FrameValidator} and, only if it is
 * valid, wraps the decoder of its template, reused across frames. A bad frame (truncated, oversized, garbage, unknown
 * template) becomes a rejection with a {@link #rejectionReason() reason}; no exception reaches the caller, and the
 * decoder handed out afterwards reads only bytes inside the frame.
 *
 * <pre>{@code
 * if (reader.read(buffer, offset, length) == FrameVerdict.VALID) {
 *     switch (reader.templateId()) {
 *         case DerivativeTickDecoder.TEMPLATE_ID -> onTick(reader.derivativeTick());
 *         ...
 *     }
 * } else {
 *     rejected(reader.rejectionReason());
 * }
 * }</pre>
 *
 * <p>Not thread safe: one reader per consuming thread. Valid frames are read without allocation.
 */
public final class FrameReader
{
    private final FrameValidator validator;
    private final IndexTickDecoder indexTick = new IndexTickDecoder();
    private final DerivativeTickDecoder derivativeTick = new DerivativeTickDecoder();
    private final TimerDecoder timer = new TimerDecoder();
    private final LoadBasketDecoder loadBasket = new LoadBasketDecoder();
    private final UpdateBasketDecoder updateBasket = new UpdateBasketDecoder();
    private final RemoveBasketDecoder removeBasket = new RemoveBasketDecoder();
    private final StrategyControlDecoder strategyControl = new StrategyControlDecoder();
    private final KillSwitchDecoder killSwitch = new KillSwitchDecoder();
    private final InstrumentMasterLoadedDecoder instrumentMasterLoaded = new InstrumentMasterLoadedDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final BrokerSessionDecoder brokerSession = new BrokerSessionDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final ModifyOrderDecoder modifyOrder = new ModifyOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReconciliationRequestDecoder reconciliationRequest = new ReconciliationRequestDecoder();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final ReconciliationReportDecoder reconciliationReport = new ReconciliationReportDecoder();

    private FrameVerdict verdict = FrameVerdict.OUT_OF_BOUNDS;

    /**
     * A reader accepting frames up to {@link FrameValidator#DEFAULT_MAX_FRAME_LENGTH}.
     */
    public FrameReader()
    {
        this(new FrameValidator());
    }

    /**
     * @param validator the validator to apply to every frame.
     */
    public FrameReader(final FrameValidator validator)
    {
        this.validator = validator;
    }

    /**
     * Validate a frame and, if valid, wrap the decoder of its template.
     *
     * @param buffer holding the frame.
     * @param offset of the frame's SBE message header.
     * @param length of the frame.
     * @return the verdict; only {@link FrameVerdict#VALID} makes the typed accessors usable.
     */
    public FrameVerdict read(final DirectBuffer buffer, final int offset, final int length)
    {
        verdict = validator.validate(buffer, offset, length);
        if (verdict == FrameVerdict.VALID)
        {
            final int blockOffset = offset + FrameValidator.HEADER_LENGTH;
            final int blockLength = validator.blockLength();
            final int version = validator.version();
            switch (validator.templateId())
            {
                case IndexTickDecoder.TEMPLATE_ID -> indexTick.wrap(buffer, blockOffset, blockLength, version);
                case DerivativeTickDecoder.TEMPLATE_ID -> derivativeTick.wrap(buffer, blockOffset, blockLength, version);
                case TimerDecoder.TEMPLATE_ID -> timer.wrap(buffer, blockOffset, blockLength, version);
                case LoadBasketDecoder.TEMPLATE_ID -> loadBasket.wrap(buffer, blockOffset, blockLength, version);
                case UpdateBasketDecoder.TEMPLATE_ID -> updateBasket.wrap(buffer, blockOffset, blockLength, version);
                case RemoveBasketDecoder.TEMPLATE_ID -> removeBasket.wrap(buffer, blockOffset, blockLength, version);
                case StrategyControlDecoder.TEMPLATE_ID ->
                    strategyControl.wrap(buffer, blockOffset, blockLength, version);
                case KillSwitchDecoder.TEMPLATE_ID -> killSwitch.wrap(buffer, blockOffset, blockLength, version);
                case InstrumentMasterLoadedDecoder.TEMPLATE_ID ->
                    instrumentMasterLoaded.wrap(buffer, blockOffset, blockLength, version);
                case FeedStateDecoder.TEMPLATE_ID -> feedState.wrap(buffer, blockOffset, blockLength, version);
                case BrokerSessionDecoder.TEMPLATE_ID -> brokerSession.wrap(buffer, blockOffset, blockLength, version);
                case NewOrderDecoder.TEMPLATE_ID -> newOrder.wrap(buffer, blockOffset, blockLength, version);
                case ModifyOrderDecoder.TEMPLATE_ID -> modifyOrder.wrap(buffer, blockOffset, blockLength, version);
                case CancelOrderDecoder.TEMPLATE_ID -> cancelOrder.wrap(buffer, blockOffset, blockLength, version);
                case ReconciliationRequestDecoder.TEMPLATE_ID ->
                    reconciliationRequest.wrap(buffer, blockOffset, blockLength, version);
                case ExecutionReportDecoder.TEMPLATE_ID ->
                    executionReport.wrap(buffer, blockOffset, blockLength, version);
                case ReconciliationReportDecoder.TEMPLATE_ID ->
                    reconciliationReport.wrap(buffer, blockOffset, blockLength, version);
                default -> verdict = FrameVerdict.UNKNOWN_TEMPLATE;
            }
        }
        return verdict;
    }

    /**
     * @return the verdict of the last {@link #read}.
     */
    public FrameVerdict verdict()
    {
        return verdict;
    }

    /**
     * @return template id of the last frame, or -1 if it had no readable header.
     */
    public int templateId()
    {
        return validator.templateId();
    }

    /**
     * @return why the last frame was rejected (or a summary of a valid one). Allocates.
     */
    public String rejectionReason()
    {
        return validator.describe(verdict);
    }

    /**
     * @return the validator this reader applies.
     */
    public FrameValidator validator()
    {
        return validator;
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public IndexTickDecoder indexTick()
    {
        return wrapped(indexTick, IndexTickDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public DerivativeTickDecoder derivativeTick()
    {
        return wrapped(derivativeTick, DerivativeTickDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public TimerDecoder timer()
    {
        return wrapped(timer, TimerDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public LoadBasketDecoder loadBasket()
    {
        return wrapped(loadBasket, LoadBasketDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public UpdateBasketDecoder updateBasket()
    {
        return wrapped(updateBasket, UpdateBasketDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public RemoveBasketDecoder removeBasket()
    {
        return wrapped(removeBasket, RemoveBasketDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public StrategyControlDecoder strategyControl()
    {
        return wrapped(strategyControl, StrategyControlDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public KillSwitchDecoder killSwitch()
    {
        return wrapped(killSwitch, KillSwitchDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public InstrumentMasterLoadedDecoder instrumentMasterLoaded()
    {
        return wrapped(instrumentMasterLoaded, InstrumentMasterLoadedDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public FeedStateDecoder feedState()
    {
        return wrapped(feedState, FeedStateDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public BrokerSessionDecoder brokerSession()
    {
        return wrapped(brokerSession, BrokerSessionDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public NewOrderDecoder newOrder()
    {
        return wrapped(newOrder, NewOrderDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public ModifyOrderDecoder modifyOrder()
    {
        return wrapped(modifyOrder, ModifyOrderDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public CancelOrderDecoder cancelOrder()
    {
        return wrapped(cancelOrder, CancelOrderDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public ReconciliationRequestDecoder reconciliationRequest()
    {
        return wrapped(reconciliationRequest, ReconciliationRequestDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public ExecutionReportDecoder executionReport()
    {
        return wrapped(executionReport, ExecutionReportDecoder.TEMPLATE_ID);
    }

    /** @return the wrapped decoder; valid only after a VALID read of that template. */
    public ReconciliationReportDecoder reconciliationReport()
    {
        return wrapped(reconciliationReport, ReconciliationReportDecoder.TEMPLATE_ID);
    }

    private <T> T wrapped(final T decoder, final int expectedTemplateId)
    {
        if (verdict != FrameVerdict.VALID || validator.templateId() != expectedTemplateId)
        {
            throw new IllegalStateException("last frame was not a valid template " + expectedTemplateId
                + ": " + validator.describe(verdict));
        }
        return decoder;
    }
}
