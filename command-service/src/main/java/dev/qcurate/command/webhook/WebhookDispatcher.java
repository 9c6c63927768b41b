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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due deliveries, off every command's path: it reads the outbox table, never the other way round, so a receiver
 * that is down or slow delays only its own deliveries. Each tick claims at most {@code concurrency} deliveries and
 * sends them in parallel; a failure is retried after an exponential back-off until its attempts run out. Its own
 * thread, not the shared scheduler: a tick can wait for slow receivers, and the relay's lag probe must not.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final ExecutorService senders;
    private final ScheduledExecutorService ticks;
    private final Duration pollInterval;

    WebhookDispatcher(DeliveryStore deliveries, WebhookSender sender, WebhookSettings settings,
                      @Value("${qcurate.webhooks.poll-interval:PT0.5S}") Duration pollInterval) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.pollInterval = pollInterval;
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
        ticks.scheduleWithFixedDelay(this::sendDue, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void sendDue() {
        List<DeliveryStore.Claimed> claimed;
        try {
            claimed = deliveries.claimDue(settings.concurrency(), settings.lease());
        } catch (RuntimeException e) { // the database away: try again next tick, never let the schedule die
            log.warn("Cannot read due webhook deliveries: {}", e.getMessage());
            return;
        }
        List<Future<?>> sends = new ArrayList<>(claimed.size());
        for (DeliveryStore.Claimed delivery : claimed) {
            sends.add(senders.submit(() -> attempt(delivery)));
        }
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                log.warn("A webhook attempt failed to be recorded; it is sent again when its lease ends",
                        e.getCause());
            }
        }
    }

    private void attempt(DeliveryStore.Claimed delivery) {
        Instant started = Instant.now();
        DeliveryResult result = sender.send(delivery);
        Instant retryAt = result.delivered() || delivery.attempt() >= delivery.attemptsAllowed() ? null
                : Instant.now().plus(settings.backoffAfter(delivery.attempt()));
        deliveries.record(delivery, started, result, retryAt);
        if (!result.delivered()) {
            log.info("Webhook delivery {} attempt {}/{} failed ({}){}", delivery.id(), delivery.attempt(),
                    delivery.attemptsAllowed(), result.error(), retryAt == null ? "; giving up" : "; retry at " + retryAt);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        ticks.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(settings.requestTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }
}
