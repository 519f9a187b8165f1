package dev.payments.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects what one logger category writes while a test runs (in-process tests only). */
public final class LogCapture extends Handler implements AutoCloseable {

    /** A log line as the formatters see it: its level, the formatted message and the request's MDC entry. */
    public record Line(Level level, String message, String requestId) {

        /** At ERROR level (or above). */
        public boolean isError() {
            return level.intValue() >= Level.SEVERE.intValue();
        }
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();

    private LogCapture(String category) {
        logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    /** Lets the category's DEBUG lines through while this capture is open (one that marks when some work ended). */
    public LogCapture withDebug(String category) {
        Logger debugged = Logger.getLogger(category);
        Level before = debugged.getLevel();
        debugged.setLevel(org.jboss.logmanager.Level.DEBUG);
        onClose.add(() -> debugged.setLevel(before));
        return this;
    }

    /** Whether a line that matches is collected within the patience; the caller asserts on the outcome. */
    public boolean await(Duration patience, Predicate<Line> which) {
        return Eventually.within(patience, () -> lines.stream().anyMatch(which));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines at ERROR level (or above). */
    public List<Line> errors() {
        return lines.stream().filter(Line::isError).toList();
    }

    @Override
    public void publish(LogRecord record) {
        // read now, on the logging thread: the MDC belongs to the request being served
        ExtLogRecord ext = (ExtLogRecord) record;
        lines.add(new Line(ext.getLevel(), ext.getFormattedMessage(), ext.getMdc("requestId")));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        onClose.forEach(Runnable::run);
    }
}
