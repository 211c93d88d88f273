package dev.baton.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's whole runtime: variables and tokens, stored as one JSON document in one row. Fields at their
 * defaults (empty lists and maps) are left out of the document; reading it back restores them.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
public final class RuntimeState {
    public LinkedHashMap<String, Object> variables = new LinkedHashMap<>();
    public List<Token> tokens = new ArrayList<>();
    public long nextId = 1;
    /** Completed activities that can still be compensated, in order of completion. */
    public List<Compensation.Completed> compensable = new ArrayList<>();
    /** Compensation handlers still to run, by the token of the event that threw the compensation. */
    public Map<String, List<String>> compensating = new LinkedHashMap<>();
    /** Multi-instance bodies by their token. */
    public Map<String, MultiInstance.Loop> loops = new LinkedHashMap<>();
    /** For an instance a call activity started: the caller's instance, definition, token and element. */
    public String parentInstanceId;
    public String parentDefinitionId;
    public String parentTokenId;
    public String parentElementId;

    public Token newToken(String elementId, String parentId) {
        Token t = new Token("t" + nextId++, elementId, parentId);
        tokens.add(t);
        return t;
    }

    public long nextActivation() { return nextId++; }

    public Optional<Token> token(String id) {
        for (Token t : tokens) if (t.id.equals(id)) return Optional.of(t);
        return Optional.empty();
    }

    public List<Token> children(String parentId) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) if (java.util.Objects.equals(t.parentId, parentId)) out.add(t);
        return out;
    }

    public Map<String, Object> variablesView() { return java.util.Collections.unmodifiableMap(variables); }
}
