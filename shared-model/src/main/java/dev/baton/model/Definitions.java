package dev.baton.model;

import dev.baton.model.di.Diagram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole BPMN document: its root elements in document order and its diagrams.
 *
 * @param namespaces the prefixes the document declared on its root, prefix to URI, so they can be written back
 */
public record Definitions(
        String id,
        String name,
        String targetNamespace,
        String expressionLanguage,
        String typeLanguage,
        String exporter,
        String exporterVersion,
        Map<String, String> namespaces,
        List<Import> imports,
        List<RootElement> rootElements,
        List<Diagram> diagrams,
        List<Documentation> documentation,
        Extensions extensions) {

    public Definitions {
        namespaces = namespaces == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
        imports = imports == null ? List.of() : List.copyOf(imports);
        rootElements = rootElements == null ? List.of() : List.copyOf(rootElements);
        diagrams = diagrams == null ? List.of() : List.copyOf(diagrams);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public static Definitions of(String id, List<RootElement> rootElements, List<Diagram> diagrams) {
        return new Definitions(id, null, "https://baton.dev/bpmn", null, null, "Baton", null, null, null,
                rootElements, diagrams, null, null);
    }

    public Dialect dialect() {
        return Dialect.fromNamespaces(namespaces.values());
    }

    public List<Process> processes() {
        return rootElements.stream().filter(Process.class::isInstance).map(Process.class::cast).toList();
    }

    public List<Collaboration> collaborations() {
        return rootElements.stream().filter(Collaboration.class::isInstance).map(Collaboration.class::cast).toList();
    }

    public <T extends GlobalElement> List<T> globals(Class<T> type) {
        return rootElements.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Process> process(String processId) {
        return processes().stream().filter(p -> p.id().equals(processId)).findFirst();
    }

    public Optional<RootElement> rootElement(String id) {
        return rootElements.stream().filter(r -> id.equals(r.id())).findFirst();
    }

    /** Every flow element of every process, nested ones included. */
    public Stream<FlowElement> allFlowElements() {
        return processes().stream().flatMap(p -> p.content().deepElements());
    }

    public Optional<FlowElement> flowElement(String id) {
        return allFlowElements().filter(e -> id.equals(e.id())).findFirst();
    }

    public Definitions withRootElements(List<RootElement> newRoots) {
        return new Definitions(id, name, targetNamespace, expressionLanguage, typeLanguage, exporter, exporterVersion,
                namespaces, imports, newRoots, diagrams, documentation, extensions);
    }

    public Definitions withDiagrams(List<Diagram> newDiagrams) {
        return new Definitions(id, name, targetNamespace, expressionLanguage, typeLanguage, exporter, exporterVersion,
                namespaces, imports, rootElements, newDiagrams, documentation, extensions);
    }

    public Definitions withNamespaces(Map<String, String> newNamespaces) {
        return new Definitions(id, name, targetNamespace, expressionLanguage, typeLanguage, exporter, exporterVersion,
                newNamespaces, imports, rootElements, diagrams, documentation, extensions);
    }

    /** Replaces the root element with the same id, or appends it. */
    public Definitions replace(RootElement root) {
        List<RootElement> copy = new ArrayList<>(rootElements);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(root.id())) {
                copy.set(i, root);
                return withRootElements(copy);
            }
        }
        copy.add(root);
        return withRootElements(copy);
    }
}
