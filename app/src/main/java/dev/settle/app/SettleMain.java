package dev.settle.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./settle}: the one launcher. Exit codes (documented in README): 0 ok, 1 business failure
 * (invalid file, unbalanced ledger, refused action), 2 usage error, 3 infrastructure (database,
 * Redis or SFTP unreachable).
 */
@Command(name = "settle", mixinStandardHelpOptions = true, version = "settle 0.1.0",
        description = "Payment settlement and reconciliation.",
        subcommands = {
                HealthCommand.class,
                DemoCommand.class,
                FilesCommand.class,
                InboundCommand.class,
                ExceptionsCommand.class,
                ReportsCommand.class,
                AdminCommand.class,
                ServeCommand.class,
                MerchantsCommand.class,
                SettlementCommands.Settlements.class,
                SettlementCommands.Payouts.class,
                RunCommand.class,
                RerunCommand.class,
                RestartCommand.class,
                StopCommand.class,
                StatusCommand.class,
                SchedulesCommand.class,
                SchedulerNodeCommand.class,
        })
public final class SettleMain {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BUSINESS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INFRASTRUCTURE = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SettleMain());
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        addHelpOption(cli);
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        return cli;
    }

    /**
     * Gives every command, however deep, {@code -h/--help}: someone reading
     * {@code ./settle exceptions --help} at 3 a.m. should get the usage, not "Unknown option". The
     * root has it (with {@code --version}) from {@code mixinStandardHelpOptions}.
     */
    private static void addHelpOption(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                        .usageHelp(true).description("Show this help message and exit.").build());
            }
            addHelpOption(sub);
        }
    }
}
