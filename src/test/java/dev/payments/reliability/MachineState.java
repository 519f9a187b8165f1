package dev.payments.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the machine was doing at a moment of an outage test, read from Linux's /proc: the load average, and how much
 * written data waits for the disk. A busy CPU or a disk still writing back a build's output slows PostgreSQL's commits
 * and the service alike; this tells that apart from a stall of the service. Empty where /proc does not say.
 */
final class MachineState {

    private static final Pattern MEMINFO = Pattern.compile("^(Dirty|Writeback):\\s+(\\d+) kB");

    private MachineState() {
    }

    static String now() {
        try {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            StringBuilder state = new StringBuilder("machine: load " + load);
            List<String> memory = Files.readAllLines(Path.of("/proc/meminfo"));
            for (String line : memory) {
                Matcher field = MEMINFO.matcher(line);
                if (field.find()) {
                    state.append(", ").append(field.group(1).toLowerCase()).append(' ').append(field.group(2))
                            .append(" kB");
                }
            }
            return state.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
