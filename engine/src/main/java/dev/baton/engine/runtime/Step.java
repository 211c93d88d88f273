package dev.baton.engine.runtime;

import dev.baton.engine.behavior.ElementBehavior;
import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.expr.Evaluation;
import dev.baton.model.Activity;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;
import dev.baton.model.api.InstanceState;
import dev.baton.model.exec.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One transaction's worth of work on one instance: an agenda of small operations run until none is left, and
 * everything they change collected (state, history, rows) so the caller writes it in a constant number of
 * statements. Element semantics live in the behaviours; traversal lives here.
 */
public final class Step {
    private static final Logger log = LoggerFactory.getLogger(Step.class);

    public final ProcessModel model;
    public final RuntimeState state;
    public final InstanceRow instance;
    public final long now;
    public final Services services;

    private final ArrayDeque<Operation> agenda = new ArrayDeque<>();
    public final List<Rows.Event> events = new ArrayList<>();
    public final List<Rows.Job> newJobs = new ArrayList<>();
    /** Of the new jobs, those the writer inserted already leased to this engine's workers, to hand over after commit. */
    public final List<Rows.Job> leasedJobs = new ArrayList<>();
    public final List<Rows.Subscription> newSubscriptions = new ArrayList<>();
    public final List<Rows.UserTask> newTasks = new ArrayList<>();
    public final List<Rows.Incident> newIncidents = new ArrayList<>();
    public final List<String> resolvedIncidents = new ArrayList<>();
    public final Set<String> clearedTokens = new HashSet<>();
    public final List<String> deletedJobs = new ArrayList<>();
    /** Jobs for other instances that are written even when this instance ends (a called instance tells its caller). */
    public final List<Rows.Job> jobsAfterEnd = new ArrayList<>();
    public boolean clearAllWaits;
    /** Called instances to cancel with this step, by their idempotency key: their call activity was interrupted. */
    public final List<String> cancelledCalls = new ArrayList<>();
    /** Escalations that nothing in this called instance caught: they go to the caller's call activity. */
    public final List<String> escalationsToCaller = new ArrayList<>();
    /** Names of the variables set in this step, in order; conditional events look at what changed since they last looked. */
    public final List<String> changedVariables = new ArrayList<>();
    /** For each entry of changedVariables: "create" or "update" (Camunda's variable event names). */
    public final List<String> changeKinds = new ArrayList<>();

    /** Notes a variable change for conditional events. */
    public void changed(String name, boolean created) {
        changedVariables.add(name);
        changeKinds.add(created ? "create" : "update");
    }
    /** Per token and conditional event: how many changes it has seen (-1: new, evaluate it when the agenda is empty). */
    final java.util.Map<String, Integer> conditionSeen = new java.util.HashMap<>();
    /** Conditional events fired in this step (a guard against paths that keep their own condition true). */
    int conditionalFires;
    /** When set, a retried incident's job gets this many tries instead of the element's policy. */
    public Integer retriesOverride;
    private int operations;
    /** The history events as written, with their ids; set when the step is stored. */
    public List<dev.baton.model.api.HistoryEvent> published = List.of();

    public Step(ProcessModel model, RuntimeState state, InstanceRow instance, long now, Services services) {
        this.model = model;
        this.state = state;
        this.instance = instance;
        this.now = now;
        this.services = services;
    }

    public int operations() { return operations; }

    // ---- planning -------------------------------------------------------------------------------------------

    public void enter(Token token, String elementId, String via) { agenda.add(new Operation.Enter(token, elementId, via, true)); }

    /** Runs the element's behaviour again for the same entry (a retried incident): idempotency keys stay. */
    public void reenter(Token token) { agenda.add(new Operation.Enter(token, token.elementId, token.via, false)); }

    public void leave(Token token) { agenda.add(new Operation.Leave(token)); }

    public void fire(Token token, Trigger trigger) { agenda.add(new Operation.Fire(token, trigger)); }

    /** Runs the agenda until it is empty. */
    public void run() {
        while (true) {
            Operation op;
            while ((op = agenda.poll()) != null) {
                operations++;
                if (log.isTraceEnabled()) log.trace("{} {}", instance.id, op);
                try {
                    execute(op);
                } catch (RuntimeException e) {
                    // a behaviour bug must not lose the step: it becomes an incident on the token
                    log.warn("internal error at {} in instance {}", op.token() == null ? "-" : op.token().elementId, instance.id, e);
                    if (op.token() != null && state.tokens.contains(op.token())) {
                        incident(op.token(), "INTERNAL", "Internal error at " + model.describe(op.token().elementId) + ": " + e);
                    } else {
                        throw e;
                    }
                }
            }
            if (recheckInclusiveJoins()) continue;
            if (Conditions.recheck(this)) continue;
            CallActivities.sendEscalations(this);
            return;
        }
    }

    private void execute(Operation op) {
        if (op instanceof Operation.Enter e) doEnter(e);
        else if (op instanceof Operation.Leave l) doLeave(l.token());
        else if (op instanceof Operation.Take t) doTake(t.token(), t.flowId());
        else if (op instanceof Operation.Fire f) doFire(f.token(), f.trigger());
        else if (op instanceof Operation.CheckScope c) doCheckScope(c.token());
    }

    private void doEnter(Operation.Enter e) {
        Token token = e.token();
        if (!state.tokens.contains(token)) return;
        FlowNode node = model.node(e.elementId());
        token.elementId = node.id();
        token.via = e.via();
        token.state = Token.State.ACTIVE;
        token.incidentId = null;
        if (e.newActivation()) {
            // a token moves from element to element: what was local to the last one is gone
            token.locals = null;
            token.keepLocal = false;
            token.enteredAt = now;
            token.activation = state.nextActivation();
            history("ELEMENT_ENTERED", node.id(), token.id, null, e.via() == null ? null : Map.of("via", e.via()));
        }
        if (e.newActivation() && node instanceof Activity a && a.activity().asyncBefore() && a.activity().loop() == null) {
            // a commit point before the activity (asyncBefore): a job enters it again in a transaction of its own
            token.state = Token.State.WAITING;
            addJob(token, Rows.JobKind.CONTINUE, node.id(), now, maxAttempts(retryPolicy(a)), null);
            return;
        }
        if (node instanceof Activity && !model.boundaryEvents(node.id()).isEmpty() && !MultiInstance.isInner(this, token)) {
            for (Event b : model.boundaryEvents(node.id())) {
                if (!subscribe(token, b, b.definition())) return;
            }
        }
        if (e.newActivation() && node.kind() == ElementKind.START_EVENT) EventSubProcesses.listen(this, token.parentId);
        if (MultiInstance.entered(this, token, node, e.newActivation())) return;
        if (StandardLoops.entered(this, token, node, e.newActivation())) return;
        if (!VariableMappings.input(this, token, node)) return;
        behaviour(node).enter(this, token, node);
    }

    private void doLeave(Token token) {
        if (!state.tokens.contains(token)) return;
        FlowNode node = model.node(token.elementId);
        clearWaits(token);
        token.state = Token.State.ACTIVE;
        history("ELEMENT_LEFT", node.id(), token.id, now - token.enteredAt, null);
        if (!VariableMappings.output(this, token, node)) return;
        Compensation.completed(this, token, node);
        if (MultiInstance.left(this, token, node)) return;
        if (StandardLoops.again(this, token, node)) return;
        token.locals = null;
        token.keepLocal = false;
        behaviour(node).leave(this, token, node);
    }

    private void doTake(Token token, String flowId) {
        SequenceFlow flow = model.flow(flowId);
        history("FLOW_TAKEN", flowId, token.id, null, Map.of("source", flow.sourceRef(), "target", flow.targetRef()));
        enter(token, flow.targetRef(), flowId);
    }

    private void doFire(Token token, Trigger trigger) {
        if (!state.tokens.contains(token)) return;
        if (token.listener) {
            EventSubProcesses.fire(this, token, trigger);
            return;
        }
        FlowNode caught = model.node(trigger.elementId());
        if (caught instanceof Event b && b.kind() == ElementKind.BOUNDARY_EVENT && token.elementId.equals(b.attachedToRef())) {
            fireBoundary(token, b, trigger);
            return;
        }
        token.state = Token.State.ACTIVE;
        FlowNode node = model.node(token.elementId);
        behaviour(node).trigger(this, token, node, trigger);
    }

    private void fireBoundary(Token host, Event boundary, Trigger trigger) {
        Token token = state.newToken(boundary.id(), host.parentId);
        if (boundary.interrupting()) {
            cancel(host);
        } else if (boundary.definition() instanceof EventDefinition.Message || boundary.definition() instanceof EventDefinition.Signal
                || boundary.definition() instanceof EventDefinition.Timer t
                && t.kind() == EventDefinition.TimerKind.CYCLE) {
            // a non-interrupting event may fire again while the activity runs; a cycle counts down its repetitions
            if (trigger.data().get("timer") instanceof Map<?, ?> fired && fired.get("dueAt") instanceof Number due) {
                Object interval = fired.get("intervalMs");
                TimerSchedule next = new TimerSchedule(due.longValue(), ((Number) fired.get("repeats")).intValue(),
                        interval == null ? null : java.time.Duration.ofMillis(((Number) interval).longValue())).next();
                if (next != null) addJob(host, Rows.JobKind.TIMER, boundary.id(), next.dueAt(), 1, timerPayload(next));
            } else {
                subscribe(host, boundary, boundary.definition());
            }
        }
        token.enteredAt = now;
        token.activation = state.nextActivation();
        history("ELEMENT_ENTERED", boundary.id(), token.id, null, Map.of("attachedTo", host.elementId));
        setVariables(token, trigger.variables());
        leave(token);
    }

    private void doCheckScope(Token scope) {
        String scopeId = scope == null ? null : scope.id;
        if (state.children(scopeId).stream().anyMatch(t -> !t.listener)) return;
        if (scope != null && Compensation.next(this, scope)) return;
        for (Token listener : state.children(scopeId)) {
            // the scope is done: its event subprocesses stop listening
            clearWaits(listener);
            state.tokens.remove(listener);
        }
        if (scope == null) {
            if (instance.state == InstanceState.ACTIVE || instance.state == InstanceState.SUSPENDED) completeInstance();
        } else if (state.tokens.contains(scope)) {
            leave(scope);
        }
    }

    // ---- what behaviours call -------------------------------------------------------------------------------

    public ElementBehavior behaviour(FlowNode node) { return services.behaviors().of(node.kind()); }

    /** Takes the given flows: the token follows the first, new tokens follow the others; none ends the token. */
    public void take(Token token, List<SequenceFlow> flows) {
        if (flows.isEmpty()) {
            end(token);
            return;
        }
        agenda.add(new Operation.Take(token, flows.get(0).id()));
        for (int i = 1; i < flows.size(); i++) {
            Token fork = state.newToken(token.elementId, token.parentId);
            agenda.add(new Operation.Take(fork, flows.get(i).id()));
        }
    }

    /**
     * Leaves an element the way activities and events do: unconditional flows and conditional flows whose condition
     * holds; the default flow when no conditional flow holds.
     */
    public void takeOutgoing(Token token, FlowNode node, String defaultFlow) {
        List<SequenceFlow> out = model.outgoing(node.id());
        List<SequenceFlow> chosen = new ArrayList<>();
        boolean anyConditional = false;
        for (SequenceFlow f : out) {
            if (f.id().equals(defaultFlow)) continue;
            if (f.condition() == null || f.condition().isBlank()) {
                chosen.add(f);
                continue;
            }
            anyConditional = true;
            Optional<Boolean> holds = condition(token, f);
            if (holds.isEmpty()) return;
            if (holds.get()) chosen.add(f);
        }
        if (chosen.isEmpty() && defaultFlow != null) chosen.add(model.flow(defaultFlow));
        if (chosen.isEmpty() && anyConditional) {
            incident(token, "NO_MATCHING_FLOW", "No outgoing flow of " + model.describe(node.id())
                    + " has a condition that holds, and it has no default flow");
            return;
        }
        take(token, chosen);
    }

    /** Evaluates a flow's condition; an error or a non-boolean result becomes an incident (empty result). */
    public Optional<Boolean> condition(Token token, SequenceFlow flow) {
        Evaluation r = services.expressions().condition(flow.condition(), variables(token), model.dialect());
        if (r instanceof Evaluation.Failure f) {
            incident(token, "EXPRESSION", "Condition " + flow.condition().text() + " of flow " + flow.id() + " at "
                    + model.describe(token.elementId) + " failed: " + f.message());
            return Optional.empty();
        }
        Object v = ((Evaluation.Value) r).value();
        if (v instanceof Boolean b) return Optional.of(b);
        incident(token, "EXPRESSION", "Condition " + flow.condition().text() + " of flow " + flow.id() + " at "
                + model.describe(token.elementId) + " gave " + v + ", not true or false");
        return Optional.empty();
    }

    /** Evaluates an expression for an element; a failure becomes an incident naming both, and the result is empty. */
    public Optional<Object> evaluate(Token token, Expression expression, String what) {
        Evaluation r = services.expressions().evaluate(expression, variables(token), model.dialect());
        if (r instanceof Evaluation.Failure f) {
            incident(token, "EXPRESSION", "Expression " + expression.text() + " (" + what + ") at "
                    + model.describe(token.elementId) + " failed: " + f.message());
            return Optional.empty();
        }
        return Optional.ofNullable(((Evaluation.Value) r).value()).or(() -> Optional.of(NULL));
    }

    /** Marks "evaluated to null" apart from "failed". */
    public static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    public static Object unwrap(Object v) { return v == NULL ? null : v; }

    /** The token ends here: it is removed, and its scope completes if it was the last one. */
    public void end(Token token) {
        clearWaits(token);
        state.tokens.remove(token);
        Token scope = token.parentId == null ? null : state.token(token.parentId).orElse(null);
        if (token.parentId == null || scope != null) agenda.add(new Operation.CheckScope(scope));
    }

    /** Cancels a token and everything inside it (a subprocess's tokens), with their waits. */
    public void cancel(Token token) {
        for (Token child : state.children(token.id)) cancel(child);
        if (model.findNode(token.elementId).filter(n -> n.kind() == ElementKind.CALL_ACTIVITY).isPresent()) {
            cancelledCalls.add(idempotencyKey(token));
        }
        clearWaits(token);
        state.tokens.remove(token);
        history("ELEMENT_CANCELED", token.elementId, token.id, now - token.enteredAt, null);
    }

    /** A terminate end event: every token of the scope goes, then the scope completes. */
    public void terminate(Token token) {
        Token scope = token.parentId == null ? null : state.token(token.parentId).orElse(null);
        for (Token t : state.children(token.parentId)) if (t != token) cancel(t);
        state.tokens.remove(token);
        clearWaits(token);
        agenda.add(new Operation.CheckScope(scope));
    }

    public void waitHere(Token token) { token.state = Token.State.WAITING; }

    /** Opens an incident: the token stops at its element until someone retries it. */
    public void incident(Token token, String kind, String message) {
        String id = UUID.randomUUID().toString();
        token.state = Token.State.INCIDENT;
        token.incidentId = id;
        newIncidents.add(new Rows.Incident(id, instance.id, instance.definitionId, token.id, token.elementId, kind, message));
        history("INCIDENT_OPENED", token.elementId, token.id, null, map("incidentId", id, "kind", kind, "message", message));
    }

    /**
     * Sets variables as Camunda's setVariable does: where a scope around the token (or the token) holds the variable
     * locally, there; otherwise on the instance.
     */
    public void setVariables(Token token, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) return;
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            Token holder = token == null ? null : state.holderOf(token, v.getKey());
            if (holder == null) {
                changed(v.getKey(), !state.variables.containsKey(v.getKey()));
                state.variables.put(v.getKey(), v.getValue());
            } else {
                if (holder.locals == null) holder.locals = new LinkedHashMap<>();
                changed(v.getKey(), !holder.locals.containsKey(v.getKey()));
                holder.locals.put(v.getKey(), v.getValue());
            }
        }
        history("VARIABLES_CHANGED", token == null ? null : token.elementId, token == null ? null : token.id, null,
                Map.of("variables", new LinkedHashMap<>(variables)));
    }

    /** Sets variables local to the token's element (input mappings, a multi-instance instance's loop variables). */
    public void setLocalVariables(Token token, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) return;
        if (token.locals == null) token.locals = new LinkedHashMap<>();
        for (String name : variables.keySet()) changed(name, !token.locals.containsKey(name));
        token.locals.putAll(variables);
        history("VARIABLES_CHANGED", token.elementId, token.id, null, map("variables", new LinkedHashMap<>(variables), "local", true));
    }

    /** The variables the token's element sees: the instance's and the local ones of its scopes. */
    public Map<String, Object> variables(Token token) {
        return token == null ? state.variablesView() : state.variablesView(token);
    }

    public void history(String type, String elementId, String tokenId, Long durationMs, Map<String, Object> payload) {
        events.add(new Rows.Event(instance.nextSeq++, now, type, elementId, tokenId, durationMs, payload));
    }

    public void addJob(Token token, Rows.JobKind kind, String elementId, long dueAt, int maxAttempts, String payload) {
        token.waits = true;
        newJobs.add(new Rows.Job(UUID.randomUUID().toString(), kind, instance.id, instance.definitionId, elementId,
                token.id, dueAt, maxAttempts, idempotencyKey(token), payload));
    }

    /** Stable for one entry of one element: the same on every try, different when a loop comes back. */
    public String idempotencyKey(Token token) {
        return instance.id + ":" + token.elementId + ":" + token.activation;
    }

    public void addSubscription(Token token, String elementId, String messageRef) {
        token.waits = true;
        String key = model.message(messageRef).map(m -> m.correlationKey()).filter(k -> k != null && !k.isBlank())
                .flatMap(k -> evaluate(token, k, "correlation key of message " + model.messageName(messageRef)))
                .map(v -> String.valueOf(unwrap(v))).orElse(instance.businessKey);
        newSubscriptions.add(new Rows.Subscription(UUID.randomUUID().toString(), model.messageName(messageRef), key,
                instance.id, instance.definitionId, token.id, elementId));
    }

    public void addTask(Token token, Rows.UserTask task) {
        token.waits = true;
        newTasks.add(task);
    }

    /** Removes the token's jobs, subscriptions and user task, pending or stored. */
    public void clearWaits(Token token) {
        if (!token.waits) return;
        token.waits = false;
        newJobs.removeIf(j -> token.id.equals(j.tokenId()));
        newSubscriptions.removeIf(s -> token.id.equals(s.tokenId()));
        newTasks.removeIf(t -> token.id.equals(t.tokenId()));
        clearedTokens.add(token.id);
    }

    /** Registers what a catching event waits for on behalf of the token; false when it became an incident. */
    public boolean subscribe(Token token, Event event, EventDefinition definition) {
        if (definition instanceof EventDefinition.Timer t) {
            Optional<TimerSchedule> s = timer(token, event, t);
            if (s.isEmpty()) return false;
            addJob(token, Rows.JobKind.TIMER, event.id(), s.get().dueAt(), 1, timerPayload(s.get()));
            return true;
        }
        if (definition instanceof EventDefinition.Message m) {
            addSubscription(token, event.id(), m.messageRef());
            return true;
        }
        if (definition instanceof EventDefinition.Signal sig) {
            Signals.subscribe(this, token, event.id(), sig.signalRef());
            return true;
        }
        if (definition instanceof EventDefinition.Conditional) {
            Conditions.watch(this, token, event.id());
            return true;
        }
        return true;
    }

    public Optional<TimerSchedule> timer(Token token, Event event, EventDefinition.Timer t) {
        Optional<Object> value = evaluate(token, t.value(), "timer of " + event.id());
        if (value.isEmpty()) return Optional.empty();
        try {
            return Optional.of(TimerSchedule.parse(t.kind(), String.valueOf(unwrap(value.get())), now));
        } catch (IllegalArgumentException e) {
            incident(token, "TIMER", "Timer " + t.value().text() + " at " + model.describe(event.id()) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    public String timerPayload(TimerSchedule s) {
        return json(map("repeats", s.repeats(), "intervalMs", s.interval() == null ? null : s.interval().toMillis(),
                "dueAt", s.dueAt()));
    }

    public String json(Object value) {
        try {
            return services.json().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public RetryPolicy retryPolicy(Activity activity) {
        RetryPolicy p = activity.activity().retries();
        return p == null ? services.defaultRetry() : p;
    }

    /** Total tries of work: a retry cycle's count (R5/PT10S: 5, as in Camunda 7) or the policy's maxAttempts. */
    public int maxAttempts(RetryPolicy p) {
        if (retriesOverride != null) return retriesOverride;
        if (p.retryCycle() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^R(\\d+)/").matcher(p.retryCycle().strip());
            if (m.find()) return Math.max(1, Integer.parseInt(m.group(1)));
        }
        return p.maxAttempts();
    }

    public void completeInstance() {
        instance.state = InstanceState.COMPLETED;
        instance.endedAt = now;
        history("INSTANCE_ENDED", null, null, now - instance.startedAt, Map.of("state", "COMPLETED"));
        clearAllWaits = true;
        CallActivities.completed(this);
    }

    /** Inclusive joins wait only for tokens that can still arrive; when others end or move on, look again. */
    private boolean recheckInclusiveJoins() {
        boolean planned = false;
        for (Token t : List.copyOf(state.tokens)) {
            if (t.state != Token.State.WAITING) continue;
            FlowNode n = model.findNode(t.elementId).orElse(null);
            if (n instanceof Gateway g && g.kind() == ElementKind.INCLUSIVE_GATEWAY && model.incoming(g.id()).size() > 1
                    && inclusiveJoinReady(t)) {
                mergeAtJoin(t);
                leave(t);
                planned = true;
            }
        }
        return planned;
    }

    /** Whether no other token of the scope can still reach the join the token waits at. */
    public boolean inclusiveJoinReady(Token token) {
        for (Token other : state.tokens) {
            if (other == token || !java.util.Objects.equals(other.parentId, token.parentId)) continue;
            if (other.elementId.equals(token.elementId) && other.state == Token.State.WAITING) continue;
            if (other.elementId.equals(token.elementId) || model.canReach(other.elementId, token.elementId)) return false;
        }
        return true;
    }

    /** Tokens waiting at the same join in the same scope merge into this one. */
    public void mergeAtJoin(Token token) {
        state.tokens.removeIf(o -> o != token && o.elementId.equals(token.elementId)
                && java.util.Objects.equals(o.parentId, token.parentId) && o.state == Token.State.WAITING);
        token.state = Token.State.ACTIVE;
    }

    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
