package dev.payments.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** The limit on a command's run holds, whatever the command does: a hung npm fails its suite instead of the build. */
class NodeToolsTest {

    private static final Path HERE = Path.of(".");

    @Test
    void shouldReturnTheExitCodeAndEverythingTheCommandPrinted() throws Exception {
        assertEquals(new NodeTools.Run(3, "out\nerr\n"),
                NodeTools.run(Duration.ofMinutes(1), HERE, Map.of(), "sh", "-c", "echo out; echo err >&2; exit 3"));
    }

    @Test
    @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD) // a limit that does not hold fails, not hangs
    void shouldStopACommandThatRunsPastTheLimitAndSaySo() {
        String[] command = {"sleep", "86399"};
        IllegalStateException timedOut = assertThrows(IllegalStateException.class,
                () -> NodeTools.run(Duration.ofMillis(200), HERE, Map.of(), command));
        assertTrue(timedOut.getMessage().startsWith("sleep 86399 did not finish within PT0.2S"), timedOut.getMessage());
        assertTrue(ProcessHandle.current().descendants()
                .noneMatch(process -> process.info().commandLine().orElse("").contains("sleep 86399")),
                "the command is still running");
    }
}
