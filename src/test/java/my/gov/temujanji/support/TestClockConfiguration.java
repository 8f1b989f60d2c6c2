package my.gov.temujanji.support;

import java.time.LocalDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** Monday 2026-07-13 09:00 in Kuala Lumpur, unless a test moves it. */
    public static final LocalDateTime DEFAULT_NOW = LocalDateTime.of(2026, 7, 13, 9, 0);

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(DEFAULT_NOW);
    }
}
