package dev.qcurate.command.dispatch;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Reads a command's event position in its own transaction: the prepare-commit step registered after the handler ran
 * comes after Axon appended the events (global_index is assigned on insert) and before the database commit. A
 * failure here rolls the command back, so nothing is stored that the client was not told about.
 */
@Component
class PositionInTransaction implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandDispatcher dispatcher;

    PositionInTransaction(CommandDispatcher dispatcher, CommandBus commandBus) {
        this.dispatcher = dispatcher;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandDispatcher.Pending pending = CommandDispatcher.pending();
        if (pending != null) {
            unitOfWork.onPrepareCommit(done -> pending.position = dispatcher.positionOf(pending.touched));
        }
        return result;
    }
}
