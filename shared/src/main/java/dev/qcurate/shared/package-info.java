/**
 * The message contract of qcurate: ids, commands and events shared by the command and query services. The events of
 * each aggregate form one sealed family ({@code QuestionEvent}, {@code ProposalEvent}, {@code CuratedListEvent},
 * {@code UserEvent}, {@code TagEvent}), each with a {@code Visitor} holding one method per member, as the sealed
 * {@code ProposedChange} has: consumers call {@code event.accept(visitor)} instead of chains of {@code instanceof},
 * and a new member breaks the build wherever it is not handled yet. The families add no JSON: an event's JSON is its
 * record components, nothing else.
 */
package dev.qcurate.shared;
