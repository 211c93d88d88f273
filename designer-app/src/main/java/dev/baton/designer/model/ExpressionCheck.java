package dev.baton.designer.model;

/** Quick checks of an expression as it is typed; the message says what is wrong, in words. */
public final class ExpressionCheck {

    private ExpressionCheck() {}

    /** Null when the text looks well-formed, else what is wrong. Blank text is fine (the field is optional). */
    public static String check(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (t.startsWith("=")) {
            if (t.substring(1).isBlank()) return "A FEEL expression needs something after '='.";
            return balanced(t.substring(1));
        }
        int open = t.indexOf("${"), hash = t.indexOf("#{");
        if (open >= 0 || hash >= 0) {
            int depth = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if ((c == '$' || c == '#') && i + 1 < t.length() && t.charAt(i + 1) == '{') {
                    if (depth > 0) return "'" + c + "{' inside another expression at position " + (i + 1) + ".";
                    depth++;
                    int end = t.indexOf('}', i + 2);
                    if (end < 0) return "'" + c + "{' at position " + (i + 1) + " is not closed with '}'.";
                    String inner = t.substring(i + 2, end);
                    if (inner.isBlank()) return "Empty expression '" + c + "{}' at position " + (i + 1) + ".";
                    String b = balanced(inner);
                    if (b != null) return b;
                    i = end;
                    depth--;
                }
            }
            return null;
        }
        return null;
    }

    private static String balanced(String s) {
        int paren = 0, bracket = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                if (!inString) inString = true;
                else inString = false;
                continue;
            }
            if (inString) continue;
            if (c == '(') paren++;
            if (c == ')') paren--;
            if (c == '[') bracket++;
            if (c == ']') bracket--;
            if (paren < 0) return "')' at position " + (i + 1) + " has no matching '('.";
            if (bracket < 0) return "']' at position " + (i + 1) + " has no matching '['.";
        }
        if (inString) return "A quoted text is not closed.";
        if (paren > 0) return paren + " '(' not closed.";
        if (bracket > 0) return bracket + " '[' not closed.";
        return null;
    }
}
