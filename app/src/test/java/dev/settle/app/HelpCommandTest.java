package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command of {@code ./settle}, however deep, answers {@code --help} and {@code help}. */
class HelpCommandTest {

    /** Every command path under the root ("exceptions list", "payouts approve", ...). */
    static Stream<String> commandPaths() {
        List<String> paths = new ArrayList<>();
        collect(SettleMain.commandLine(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().aliases().length > 0 && !sub.getCommandName().equals(name)) {
                return; // an alias: its command is listed under its own name
            }
            String path = (prefix + " " + name).strip();
            paths.add(path);
            collect(sub, path, paths);
        });
    }

    @Test
    void the_tree_has_the_commands_an_operator_reaches_for() {
        assertThat(commandPaths()).contains("help", "exceptions", "exceptions resolve", "payouts", "run", "rerun", "status");
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void dash_dash_help_prints_the_usage_and_exits_0(String path) {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--help");
        FilesCheckCommandTest.Run run = FilesCheckCommandTest.settle(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: settle " + path + " ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help_names_a_command_and_prints_its_usage() {
        FilesCheckCommandTest.Run run = FilesCheckCommandTest.settle("help", "exceptions");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: settle exceptions").contains("resolve");
    }

    @Test
    void help_alone_lists_the_commands() {
        FilesCheckCommandTest.Run run = FilesCheckCommandTest.settle("help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: settle").contains("demo", "scheduler");
    }

    @Test
    void an_unknown_option_is_still_a_usage_error() {
        FilesCheckCommandTest.Run run = FilesCheckCommandTest.settle("exceptions", "list", "--bogus");
        assertThat(run.exitCode()).isEqualTo(SettleMain.EXIT_USAGE);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }
}
