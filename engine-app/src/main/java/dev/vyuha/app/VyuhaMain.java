package dev.vyuha.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one launcher of the engine process: {@code bin/vyuha <command>}.
 */
@Command(
    name = "vyuha",
    mixinStandardHelpOptions = true,
    versionProvider = VyuhaMain.Version.class,
    description = "Vyuha: a low-latency, event-sourced options-strategy engine for NSE/BSE index options.",
    subcommands = {DemoCommand.class, RunCommand.class, BacktestCommand.class, ValidateCommand.class,
        AuditCommand.class, ReplayCommand.class, SelfCheckCommand.class, CommandLine.HelpCommand.class})
public final class VyuhaMain implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Entry point.
     *
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * @return the command line with every subcommand, ready to execute.
     */
    public static CommandLine newCommandLine()
    {
        return new CommandLine(new VyuhaMain());
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Version from the jar manifest, or "development" when run from classes.
     */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = VyuhaMain.class.getPackage().getImplementationVersion();
            return new String[]{"vyuha " + (null == version ? "development build" : version)
                + " on Java " + Runtime.version()};
        }
    }
}
