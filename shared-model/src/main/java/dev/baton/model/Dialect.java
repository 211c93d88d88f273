package dev.baton.model;

import java.util.Collection;

/** Which engine a file was written for; decides the default expression language and which extensions are mapped. */
public enum Dialect {
    /** Plain BPMN 2.0, or Baton's own settings only. */
    BPMN,
    CAMUNDA7,
    CAMUNDA8,
    FLOWABLE;

    public static final String CAMUNDA7_NS = "http://camunda.org/schema/1.0/bpmn";
    public static final String CAMUNDA8_NS = "http://camunda.org/schema/zeebe/1.0";
    public static final String FLOWABLE_NS = "http://flowable.org/bpmn";
    public static final String ACTIVITI_NS = "http://activiti.org/bpmn";
    public static final String BATON_NS = "https://baton.dev/schema/bpmn/1.0";

    /** The dialect whose namespace the document declares; Zeebe wins over Camunda 7 when both appear. */
    public static Dialect fromNamespaces(Collection<String> namespaceUris) {
        if (namespaceUris.contains(CAMUNDA8_NS)) return CAMUNDA8;
        if (namespaceUris.contains(CAMUNDA7_NS)) return CAMUNDA7;
        if (namespaceUris.contains(FLOWABLE_NS) || namespaceUris.contains(ACTIVITI_NS)) return FLOWABLE;
        return BPMN;
    }

    /** The expression language a plain condition or mapping is written in. */
    public Expression.Language defaultExpressionLanguage() {
        return this == CAMUNDA8 ? Expression.Language.FEEL : Expression.Language.JUEL;
    }
}
