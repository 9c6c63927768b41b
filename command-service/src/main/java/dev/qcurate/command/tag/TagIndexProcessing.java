package dev.qcurate.command.tag;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The tag index is written where its events are stored: a subscribing processor runs its handlers in the command's
 * unit of work, and a handler that fails fails the command (Axon's default would only log it, and the index would
 * silently miss a question that a later rename must find).
 */
@Configuration
class TagIndexProcessing {

    @Autowired
    void configureTagIndexProcessor(EventProcessingConfigurer processing) {
        processing
                .registerSubscribingEventProcessor(JdbcTagIndex.GROUP)
                .registerListenerInvocationErrorHandler(JdbcTagIndex.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
