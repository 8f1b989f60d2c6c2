package my.gov.temujanji.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work (sweepers, reminders). Each job must be safe with several nodes running it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "temujanji.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
