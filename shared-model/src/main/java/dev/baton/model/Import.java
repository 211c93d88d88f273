package dev.baton.model;

/** A bpmn:import of another document (XSD, WSDL, BPMN, DMN). */
public record Import(String namespace, String location, String importType) {}
