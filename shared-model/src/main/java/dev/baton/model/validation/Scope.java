package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.FlowContent;
import dev.baton.model.Process;
import dev.baton.model.SubProcess;

/**
 * The process or subprocess that holds an element: where its sequence flows live.
 *
 * @param process    the process the element belongs to, however deeply nested
 * @param subProcess the innermost subprocess holding the element, or null when it sits directly in the process
 * @param parent     the enclosing scope of a subprocess, or null for the process itself
 */
public record Scope(Process process, SubProcess subProcess, Scope parent) {

    public static Scope of(Process process) { return new Scope(process, null, null); }

    public Scope inside(SubProcess sp) { return new Scope(process, sp, this); }

    public FlowContent content() { return subProcess == null ? process.content() : subProcess.content(); }

    public String id() { return subProcess == null ? process.id() : subProcess.id(); }

    /** The process or subprocess record itself. */
    public Object container() { return subProcess == null ? process : subProcess; }

    public boolean executable() { return process.executable(); }

    public boolean isAdHoc() { return subProcess != null && subProcess.kind() == ElementKind.AD_HOC_SUB_PROCESS; }

    public boolean isEventSubProcess() { return subProcess != null && subProcess.triggeredByEvent(); }
}
