package my.gov.temujanji.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a transactional entry point whose whole transaction is run again, a bounded number of times
 * with a short jittered pause, when PostgreSQL rolls it back as a deadlock victim (40P01) or for a
 * serialization failure (40001): a race between two requests then costs a retry, never a 500. Put it
 * where the transaction starts (beside {@code @Transactional}, or on a method that runs a
 * {@code TransactionTemplate}); called inside a transaction already running, it does nothing, and
 * the outermost entry point retries. See {@link ConflictRetry} and the lock order in
 * {@code package-info.java}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryOnConflict {
}
