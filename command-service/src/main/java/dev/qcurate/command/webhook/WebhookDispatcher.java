package dev.qcurate.command.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends due deliveries, off every command's path: it reads the outbox table, never the other way round, so a receiver
 * that is down or slow never delays a command. At most {@code concurrency} deliveries are in flight per instance, and
 * a slow receiver holds only the slots of its own deliveries; a failure is retried after an exponential back-off until its attempts run out. Its own
 * thread, not the shared scheduler: a tick can wait for slow receivers, and the relay's lag probe must not.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final ExecutorService senders;
    private final Semaphore slots;
    private final ScheduledExecutorService ticks;
    private final Duration pollInterval;

    WebhookDispatcher(
            DeliveryStore deliveries,
            WebhookSender sender,
            WebhookSettings settings,
            @Value("${qcurate.webhooks.poll-interval:PT0.5S}") Duration pollInterval) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.pollInterval = pollInterval;
        this.slots = new Semaphore(settings.concurrency());
        this.ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        this.senders = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ticks.scheduleWithFixedDelay(
                this::sendDue, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Claims as many due deliveries as there are free sender slots and hands them over without waiting for them: a
     * slow receiver holds only the slots of its own deliveries, the others go on being served.
     */
    void sendDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        List<DeliveryStore.Claimed> claimed;
        try {
            claimed = deliveries.claimDue(free, settings.lease());
        } catch (RuntimeException e) { // the database away: try again next tick, never let the schedule die
            log.warn("Cannot read due webhook deliveries: {}", e.getMessage());
            return;
        }
        for (DeliveryStore.Claimed delivery : claimed) {
            slots.acquireUninterruptibly(); // never waits: only this thread takes slots, and it saw them free
            senders.execute(() -> {
                try {
                    attempt(delivery);
                } catch (RuntimeException e) {
                    log.warn(
                            "Webhook delivery {} could not be recorded; it is sent again when its lease ends",
                            delivery.id(),
                            e);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void attempt(DeliveryStore.Claimed delivery) {
        Instant started = Instant.now();
        DeliveryResult result = sender.send(delivery);
        Instant retryAt = result.delivered() || delivery.attempt() >= delivery.attemptsAllowed()
                ? null
                : Instant.now().plus(settings.backoffAfter(delivery.attempt()));
        deliveries.record(delivery, started, result, retryAt);
        if (!result.delivered()) {
            log.info(
                    "Webhook delivery {} attempt {}/{} failed ({}){}",
                    delivery.id(),
                    delivery.attempt(),
                    delivery.attemptsAllowed(),
                    result.error(),
                    retryAt == null ? "; giving up" : "; retry at " + retryAt);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        ticks.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(settings.requestTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }
}
