package dev.vyuha.journal;

import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;
import net.openhft.chronicle.threads.Pauser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer per journal: an exclusive operating-system lock on {@value #FILE_NAME} in the journal directory, held
 * while a {@link JournalWriter} is open. The kernel releases it when the process dies, however it dies, so it never
 * goes stale, which is what makes it safe to clear Chronicle's own write lock on open: Chronicle records the writer's
 * process id in its lock and recovers it only when that process is gone, but after a crash in a container the engine
 * restarts with the same process id (often 1), and Chronicle would then wait for itself and fail the first append.
 * Holding this lock proves no other writer is alive, so any Chronicle lock found is a dead writer's.
 *
 * <p>Readers probe it with a shared lock ({@link #writerActive}) to tell a record being written by a running engine
 * from a torn one left by a dead engine.
 */
final class WriterGuard implements AutoCloseable
{
    static final String FILE_NAME = "vyuha-writer.lock";
    private static final Logger LOG = LoggerFactory.getLogger(WriterGuard.class);
    private static final int ATTEMPTS = 50;
    private static final long ATTEMPT_PAUSE_NS = 20_000_000L;

    private final FileChannel channel;
    private final FileLock lock;

    private WriterGuard(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Take the journal's writer lock, retrying for about a second (a reader's probe holds it for microseconds).
     *
     * @param directory the journal directory.
     * @return the held guard.
     * @throws IllegalStateException if another writer holds it.
     */
    static WriterGuard acquire(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        final FileChannel channel;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the journal's writer lock " + file, ex);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            try
            {
                final FileLock lock = channel.tryLock();
                if (null != lock)
                {
                    return new WriterGuard(channel, lock);
                }
            }
            catch (final OverlappingFileLockException ex)
            {
                // Held in this JVM: another writer, or a reader's probe.
            }
            catch (final IOException ex)
            {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock " + file, ex);
            }
            LockSupport.parkNanos(ATTEMPT_PAUSE_NS);
        }
        closeQuietly(channel);
        throw new IllegalStateException("the journal " + directory + " is open for writing by another engine "
            + "(lock " + file + " is held)");
    }

    /**
     * @param directory a journal directory.
     * @return true if a live process holds the journal open for writing.
     */
    static boolean writerActive(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (null == probe)
            {
                return true;
            }
            probe.release();
            return false;
        }
        catch (final OverlappingFileLockException ex)
        {
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /**
     * Clear Chronicle's write and append locks if a dead writer left them held. Only while holding this guard.
     *
     * @param directory the journal directory.
     */
    void clearStaleChronicleLocks(final Path directory)
    {
        final Path metadata = directory.resolve("metadata.cq4t");
        if (!Files.exists(metadata))
        {
            return;
        }
        try (TableStore<Metadata.NoMeta> store = SingleTableBuilder.binary(metadata, Metadata.NoMeta.INSTANCE)
            .readOnly(false).build())
        {
            clear(new TableStoreWriteLock(store, Pauser::balanced, 0L), directory);
            clear(new TableStoreWriteLock(store, Pauser::balanced, 0L, TableStoreWriteLock.APPEND_LOCK_KEY), directory);
        }
    }

    private static void clear(final TableStoreWriteLock chronicleLock, final Path directory)
    {
        try
        {
            if (chronicleLock.locked() && !chronicleLock.forceUnlockIfProcessIsDead())
            {
                // Its pid is alive: a new process that got the dead writer's pid (or this one).
                LOG.warn("journal {}: clearing a write lock left by a writer that died (pid {} now belongs to another "
                    + "process); no other writer is alive", directory, chronicleLock.lockedBy());
                chronicleLock.forceUnlock();
            }
        }
        finally
        {
            chronicleLock.close();
        }
    }

    @Override
    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ex)
        {
            LOG.warn("cannot release the journal writer lock", ex);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(final FileChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            LOG.debug("closing the writer lock file", ex);
        }
    }
}
