package fr.gasp.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets the idempotency keys older than the retention period, every so often, so that the
 * table does not grow with every command for the life of the service. A retry is a matter of
 * minutes or hours; past the retention (30 days by default) the same key is a new request.
 * Every instance runs it: deleting what another just deleted is harmless. A failure (the
 * database out of reach) is logged and the next round tries again.
 */
public class IdempotencyExpiry implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyExpiry.class);

    private final IdempotencyStore store;
    private final Duration retention;
    private final Duration every;
    private final Clock clock;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idempotency-expiry");
        thread.setDaemon(true);
        return thread;
    });

    public IdempotencyExpiry(IdempotencyStore store, Duration retention, Duration every, Clock clock) {
        if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("gasp.idempotency.retention (GASP_IDEMPOTENCY_RETENTION) doit être "
                    + "d'au moins une minute, pour qu'une nouvelle tentative retrouve sa réponse : " + retention);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("gasp.idempotency.expiry-check-every doit être positif : " + every);
        }
        this.store = store;
        this.retention = retention;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        rounds.scheduleWithFixedDelay(this::forgetExpiredKeys, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: the keys taken more than the retention period ago are deleted. */
    public int forgetExpiredKeys() {
        try {
            int forgotten = store.forgetCreatedBefore(clock.instant().minus(retention));
            if (forgotten > 0) {
                log.info("Clés d'idempotence de plus de {} oubliées : {}", retention, forgotten);
            }
            return forgotten;
        } catch (RuntimeException e) {
            log.warn("Nettoyage des clés d'idempotence impossible pour l'instant, nouvel essai dans {} : {}",
                    every, e.getMessage());
            return 0;
        }
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
    }
}
