package dev.qcurate.command.webhook;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The outbox processor (one segment, starting at the head, failures retried) and the clock of the signatures. */
@Configuration
class WebhookConfig {

    @Bean
    Clock webhookClock() {
        return Clock.systemUTC();
    }

    @Autowired
    void configureOutboxProcessor(EventProcessingConfigurer processing) {
        processing
                .registerTrackingEventProcessor(
                        WebhookOutbox.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100)
                                .andInitialSegmentsCount(1)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)
                                .andTokenClaimInterval(1_000, TimeUnit.MILLISECONDS))
                .registerListenerInvocationErrorHandler(WebhookOutbox.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
