package dev.baton.bpmn.dialect;

import dev.baton.model.Expression;
import java.util.ArrayList;
import java.util.List;

/** How each dialect writes expressions and lists, so that text read from a file is kept exactly as written. */
final class Exprs {
    private Exprs() {}

    /** Camunda 7 and Flowable: {@code ${...}} or {@code #{...}} anywhere makes it JUEL, else it is a literal. */
    static Expression juel(String text) {
        if (text == null) return null;
        return new Expression(text, text.contains("${") || text.contains("#{") ? Expression.Language.JUEL : Expression.Language.LITERAL);
    }

    /** Camunda 8: a leading {@code =} makes it FEEL, else it is a literal. */
    static Expression feel(String text) {
        if (text == null) return null;
        return new Expression(text, text.strip().startsWith("=") ? Expression.Language.FEEL : Expression.Language.LITERAL);
    }

    static boolean isJuel(Expression e) {
        return e == null || e.language() == juel(e.text()).language();
    }

    static boolean isFeel(Expression e) {
        return e == null || e.language() == feel(e.text()).language();
    }

    static String text(Expression e) {
        return e == null ? null : e.text();
    }

    /** A Camunda/Flowable comma list; commas inside {@code ${...}} do not split. */
    static List<String> splitJuelList(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            if (c == '}' && depth > 0) depth--;
            if (c == ',' && depth == 0) {
                addTrimmed(out, cur);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        addTrimmed(out, cur);
        return out;
    }

    /** A Zeebe list: one FEEL expression ({@code =...}) or a static comma list. */
    static List<String> splitFeelList(String text) {
        if (text.strip().startsWith("=")) return List.of(text);
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) addTrimmed(out, new StringBuilder(s));
        return out;
    }

    private static void addTrimmed(List<String> out, CharSequence s) {
        String t = s.toString().strip();
        if (!t.isEmpty()) out.add(t);
    }

    static String join(List<String> items) {
        return String.join(", ", items);
    }

    /** A positive whole number as written, or null. */
    static Integer integer(String text) {
        if (text == null || !text.strip().matches("-?\\d{1,9}")) return null;
        return Integer.parseInt(text.strip());
    }
}
