package dev.qcurate.command.dispatch;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads a command's event position in its own transaction, and runs the other {@link InTransaction} work there: the
 * prepare-commit step registered after the handler ran comes after Axon appended the events (global_index is
 * assigned on insert) and before the database commit. A failure here rolls the command back, so nothing is stored
 * that the client was not told about. Its last act tells the dispatcher that the commit begins: a failure after it
 * leaves the outcome unknown.
 */
@Component
class PositionInTransaction implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandDispatcher dispatcher;
    private final List<InTransaction> work;

    PositionInTransaction(CommandDispatcher dispatcher, CommandBus commandBus, List<InTransaction> work) {
        this.dispatcher = dispatcher;
        this.work = work;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandDispatcher.Pending pending = CommandDispatcher.pending();
        unitOfWork.onPrepareCommit(done -> {
            work.forEach(InTransaction::beforeCommit);
            if (pending != null) {
                pending.position = dispatcher.positionOf(pending.touched);
            }
            CommandDispatcher.commitBegins();
        });
        return result;
    }
}
