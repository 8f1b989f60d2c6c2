package my.gov.temujanji.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Every branch is in Peninsular or East Malaysia: one zone, UTC+8, no daylight saving. */
    static final ZoneId BRANCH_ZONE = ZoneId.of("Asia/Kuala_Lumpur");

    @Bean
    Clock clock() {
        return Clock.system(BRANCH_ZONE);
    }
}
