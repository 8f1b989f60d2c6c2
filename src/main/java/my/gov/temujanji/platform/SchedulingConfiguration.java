package my.gov.temujanji.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Background work (sweepers, reminders, no-shows, the outbox's hand-off). Each job must be safe with
 * several nodes running it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "temujanji.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {

    /** Threads of the scheduled jobs; each holds at most one database connection (see the pool's size). */
    static final int THREADS = 4;

    /**
     * Several threads, so that one slow job never delays the others (Spring's default is one thread for
     * all). Sending e-mail runs on the outbox worker's own threads; its job here only hands work over.
     */
    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(THREADS);
        scheduler.setThreadNamePrefix("scheduling-");
        return scheduler;
    }
}
