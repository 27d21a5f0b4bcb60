package dev.vyuha.journal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an engine keeps its journals, under one root directory:
 *
 * <pre>
 *   root/commands/     every command, stamped, as it entered the ring (the record the engine is rebuilt from)
 *   root/orders/       every order frame the engine handed to the gateway, written just before handing it over
 *   root/checkpoints/  the engine's state hash at recoveries and clean stops, for replay to compare against
 * </pre>
 *
 * Each is a Chronicle Queue in {@link JournalRecordFormat}, with its own index, CRC and hash chain.
 *
 * @param root the root directory.
 */
public record JournalLayout(Path root)
{
    /** Commands journal directory name. */
    public static final String COMMANDS = "commands";
    /** Orders journal directory name. */
    public static final String ORDERS = "orders";
    /** Checkpoints journal directory name. */
    public static final String CHECKPOINTS = "checkpoints";

    /** @return the commands journal directory. */
    public Path commands()
    {
        return root.resolve(COMMANDS);
    }

    /** @return the orders journal directory. */
    public Path orders()
    {
        return root.resolve(ORDERS);
    }

    /** @return the checkpoints journal directory. */
    public Path checkpoints()
    {
        return root.resolve(CHECKPOINTS);
    }

    /**
     * Find the layout an operator points at: the root, or its {@code commands} directory.
     *
     * @param path what the operator gave.
     * @return the layout.
     * @throws IllegalArgumentException naming the path if there is no journal there.
     */
    public static JournalLayout locate(final Path path)
    {
        final Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute))
        {
            throw new IllegalArgumentException(path + ": no such directory");
        }
        if (JournalReader.isJournal(absolute.resolve(COMMANDS)))
        {
            return new JournalLayout(absolute);
        }
        if (JournalReader.isJournal(absolute) && null != absolute.getParent()
            && COMMANDS.equals(absolute.getFileName().toString()))
        {
            return new JournalLayout(absolute.getParent());
        }
        throw new IllegalArgumentException(path + ": not a Vyuha journal (expected " + COMMANDS
            + "/ with Chronicle Queue .cq4 files inside)");
    }
}
