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

    /**
     * The variables an element sees: the instance's, overlaid by the local variables of the token's enclosing scopes
     * from the outside in, and last by its own.
     */
    public Map<String, Object> variablesView(Token token) {
        List<Token> chain = new ArrayList<>();
        for (Token t = token; t != null; t = t.parentId == null ? null : token(t.parentId).orElse(null)) {
            if (t.locals != null && !t.locals.isEmpty()) chain.add(t);
        }
        if (chain.isEmpty()) return variablesView();
        LinkedHashMap<String, Object> view = new LinkedHashMap<>(variables);
        for (int i = chain.size() - 1; i >= 0; i--) view.putAll(chain.get(i).locals);
        return java.util.Collections.unmodifiableMap(view);
    }

    /** The token (itself or an enclosing scope) that holds the variable locally, or null when it is an instance variable. */
    public Token holderOf(Token token, String name) {
        for (Token t = token; t != null; t = t.parentId == null ? null : token(t.parentId).orElse(null)) {
            if (t.locals != null && t.locals.containsKey(name)) return t;
            if (t == token && t.keepLocal) return t;
        }
        return null;
    }
}
