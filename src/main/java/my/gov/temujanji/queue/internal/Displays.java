package my.gov.temujanji.queue.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open event streams of this node's call displays. Every half second this node reads the state of
 * each branch someone watches from PostgreSQL and sends it where it changed, so a call made on any node
 * reaches every display within a second. Only connections live here, never a decision.
 */
@Component
class Displays {

    static final Duration POLL = Duration.ofMillis(500);
    /** A stream ends after this; the browser's EventSource opens a new one by itself. */
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(Displays.class);

    private final DisplayStates states;
    private final JsonMapper json;
    private final Map<String, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();
    private final Map<String, String> lastSent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "queue-display");
        thread.setDaemon(true);
        return thread;
    });

    Displays(DisplayStates states, JsonMapper json) {
        this.states = states;
        this.json = json;
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    String stateJson(String branchCode) {
        return json.writeValueAsString(states.of(branchCode));
    }

    /** A new stream for the branch's display, starting with the state as it is now. */
    SseEmitter open(String branchCode) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Set<SseEmitter> set = watchers.computeIfAbsent(branchCode, b -> ConcurrentHashMap.newKeySet());
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        if (send(emitter, stateJson(branchCode))) {
            set.add(emitter);
        }
        return emitter;
    }

    private void poll() {
        watchers.forEach((branch, set) -> {
            if (set.isEmpty()) {
                lastSent.remove(branch);
                return;
            }
            try {
                String state = stateJson(branch);
                if (!state.equals(lastSent.put(branch, state))) {
                    set.removeIf(emitter -> !send(emitter, state));
                }
            } catch (RuntimeException e) {
                // The database is away for a moment: the displays keep what they show and hear again later.
                log.debug("Display state of {} not read: {}", branch, e.toString());
            }
        });
    }

    private static boolean send(SseEmitter emitter, String state) {
        try {
            emitter.send(SseEmitter.event().name("state").data(state));
            return true;
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
            return false;
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
        watchers.values().forEach(set -> set.forEach(SseEmitter::complete));
    }
}
