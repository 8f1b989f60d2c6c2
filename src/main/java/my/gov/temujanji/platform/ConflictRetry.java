package my.gov.temujanji.platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one retry of every {@link RetryOnConflict} entry point: an advice ordered before the transaction
 * advice, so each attempt is a whole new transaction. Only what PostgreSQL itself says may succeed on a
 * second try is retried (SQLSTATE 40P01 deadlock detected, 40001 serialization failure); everything
 * else, refusals included, goes through at once. It is an infrastructure advisor, so the auto-proxy
 * creator that applies {@code @Transactional} applies it too.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetry {

    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 4;
    private static final Duration PAUSE = Duration.ofMillis(20);

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(RetryOnConflict.class), (MethodInterceptor) ConflictRetry::retry);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static Object retry(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed(); // the transaction's own entry point decides
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // Each attempt runs the rest of the chain (the transaction advice and the method) anew.
                return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                log.info("{} rolled back by PostgreSQL ({}), attempt {} of {}", invocation.getMethod().getName(),
                        sqlState(e), attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** Whether PostgreSQL rolled the transaction back for a reason a new attempt can overcome. */
    static boolean isConflict(Throwable e) {
        String state = sqlState(e);
        return "40P01".equals(state) || "40001".equals(state);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Jittered, growing with the attempt, so that two victims of one deadlock do not meet again. */
    private static void pause(int attempt) {
        long millis = PAUSE.toMillis() * attempt;
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
