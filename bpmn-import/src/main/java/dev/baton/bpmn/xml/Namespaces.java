package dev.baton.bpmn.xml;

import dev.baton.model.Dialect;

/** The namespace URIs the reader and writer know by heart. */
public final class Namespaces {
    public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    public static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String CAMUNDA = Dialect.CAMUNDA7_NS;
    public static final String ZEEBE = Dialect.CAMUNDA8_NS;
    public static final String FLOWABLE = Dialect.FLOWABLE_NS;
    public static final String ACTIVITI = Dialect.ACTIVITI_NS;
    public static final String BATON = Dialect.BATON_NS;
    /** OMG's non-normative colour extension, as bpmn-js writes it (color:background-color). */
    public static final String OMG_COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";
    /** bpmn.io's older colour attributes (bioc:fill, bioc:stroke). */
    public static final String BIOC = "http://bpmn.io/schema/bpmn/biocolor/1.0";

    private Namespaces() {}
}
