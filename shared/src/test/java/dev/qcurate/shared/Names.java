package dev.qcurate.shared;

import dev.qcurate.shared.curatedlist.CuratedListEvent;
import dev.qcurate.shared.proposal.ProposalEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.tag.TagEvent;
import dev.qcurate.shared.user.UserEvent;

import java.lang.reflect.Proxy;

/**
 * Visitors that name the type they were called for: each method answers the simple name of the type it declares as
 * its parameter, so a test sees which method {@code accept} called (not the runtime type of what it was given).
 */
final class Names {

    private Names() {}

    static final QuestionEvent.Visitor<String> QUESTION = naming(QuestionEvent.Visitor.class);
    static final ProposalEvent.Visitor<String> PROPOSAL = naming(ProposalEvent.Visitor.class);
    static final CuratedListEvent.Visitor<String> LIST = naming(CuratedListEvent.Visitor.class);
    static final UserEvent.Visitor<String> USER = naming(UserEvent.Visitor.class);
    static final TagEvent.Visitor<String> TAG = naming(TagEvent.Visitor.class);
    static final ProposedChange.Visitor<String> CHANGE = naming(ProposedChange.Visitor.class);

    @SuppressWarnings("unchecked")
    private static <V> V naming(Class<?> visitor) {
        return (V) Proxy.newProxyInstance(
                visitor.getClassLoader(), new Class<?>[] {visitor}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(visitor, arguments); // toString, hashCode, equals: the interface's
                    }
                    return method.getParameterTypes()[0].getSimpleName();
                });
    }
}
