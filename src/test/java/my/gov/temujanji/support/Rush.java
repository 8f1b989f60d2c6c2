package my.gov.temujanji.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fires requests truly at once: every thread waits at a gate that opens when all are ready. */
public final class Rush {

    private Rush() {
    }

    public static List<Http.Response> fire(int requests, IntFunction<Http.Response> request) throws Exception {
        List<Callable<Http.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int n = i;
            tasks.add(() -> request.apply(n));
        }
        return fireTasks(tasks);
    }

    public static <T> List<T> fireTasks(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
