package dev.vyuha.admin;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.event.EngineEventListener;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets an HTTP handler wait for what the engine made of its command: the {@link EngineEvent.BasketChanged} answering
 * its request id, or simply the command having been applied. Engine-app registers it as one of the engine's event
 * listeners; it runs on the business-logic thread and does almost nothing there (a type check, a map lookup for
 * basket events, a watermark).
 */
public final class CommandOutcomes implements EngineEventListener
{
    private final ConcurrentHashMap<Long, CompletableFuture<EngineEvent.BasketChanged>> byRequest =
        new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, CompletableFuture<Long>> bySequence = new ConcurrentSkipListMap<>();
    private volatile long appliedSequence = -1;

    @Override
    public void onEvent(final EngineEvent event)
    {
        if (event instanceof EngineEvent.BasketChanged changed && changed.requestId() != 0)
        {
            final CompletableFuture<EngineEvent.BasketChanged> future = byRequest.remove(changed.requestId());
            if (null != future)
            {
                future.complete(changed);
            }
        }
        applied(event.sequence());
    }

    /**
     * The engine applied every command up to this sequence (called by the wiring at the end of each batch too, so
     * commands without events count).
     *
     * @param sequence a sequence.
     */
    public void applied(final long sequence)
    {
        if (sequence <= appliedSequence)
        {
            return;
        }
        appliedSequence = sequence;
        while (!bySequence.isEmpty() && bySequence.firstKey() <= sequence)
        {
            final var entry = bySequence.pollFirstEntry();
            if (null != entry)
            {
                entry.getValue().complete(entry.getKey());
            }
        }
    }

    /**
     * Register interest in a request's basket outcome, before submitting its command.
     *
     * @param requestId the request.
     * @return completes with the engine's answer.
     */
    CompletableFuture<EngineEvent.BasketChanged> expect(final long requestId)
    {
        final CompletableFuture<EngineEvent.BasketChanged> future = new CompletableFuture<>();
        byRequest.put(requestId, future);
        return future;
    }

    /**
     * Stop waiting for a request (timed out).
     *
     * @param requestId the request.
     */
    void forget(final long requestId)
    {
        byRequest.remove(requestId);
    }

    /**
     * Wait until the engine has applied a command.
     *
     * @param sequence  the command's sequence.
     * @param timeoutMs longest wait.
     * @return true if applied in time.
     * @throws InterruptedException if interrupted.
     */
    boolean awaitApplied(final long sequence, final long timeoutMs) throws InterruptedException
    {
        if (appliedSequence >= sequence)
        {
            return true;
        }
        final CompletableFuture<Long> future = bySequence.computeIfAbsent(sequence, s -> new CompletableFuture<>());
        if (appliedSequence >= sequence)
        {
            bySequence.remove(sequence);
            return true;
        }
        try
        {
            future.get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (final TimeoutException ex)
        {
            bySequence.remove(sequence);
            return false;
        }
        catch (final ExecutionException ex)
        {
            return false;
        }
    }
}
