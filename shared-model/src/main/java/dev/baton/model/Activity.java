package dev.baton.model;

/** Tasks, subprocesses and call activities: the nodes that do work and may carry boundary events. */
public sealed interface Activity extends FlowNode permits Task, SubProcess, CallActivity {
    ActivitySettings activity();
}
