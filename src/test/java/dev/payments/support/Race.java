package dev.payments.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts calls at the same moment: each waits at a gate that opens once every thread is waiting. */
public final class Race {

    private Race() {
    }

    /** The results in the order of the calls. */
    @SafeVarargs
    public static <T> List<T> run(Callable<T>... calls) throws Exception {
        return run(List.of(calls));
    }

    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return call.call();
                }));
            }
            ready.await();
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
