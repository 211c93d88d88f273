package dev.baton.designer.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Word wrapping with a cache, so that redrawing a big diagram does not measure the same labels again. */
public final class TextLayout {

    private record Key(String text, double width, double size, boolean bold) {}

    private final Map<Key, List<String>> cache = new HashMap<>();

    public List<String> wrap(Painter p, String text, double maxWidth, double size, boolean bold) {
        if (text == null || text.isBlank()) return List.of();
        Key key = new Key(text, Math.round(maxWidth), size, bold);
        List<String> hit = cache.get(key);
        if (hit != null) return hit;
        if (cache.size() > 20_000) cache.clear();
        List<String> lines = new ArrayList<>();
        for (String para : text.replace("\r", "").split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.strip().split("\\s+")) {
                if (word.isEmpty()) continue;
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (p.textWidth(candidate, size, bold) <= maxWidth || line.isEmpty() && p.textWidth(word, size, bold) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) lines.add(line.toString());
                line.setLength(0);
                // a word wider than the box is broken where it must be
                String rest = word;
                while (p.textWidth(rest, size, bold) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && p.textWidth(rest.substring(0, cut), size, bold) > maxWidth) cut--;
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) lines.add(line.toString());
        }
        List<String> result = List.copyOf(lines);
        cache.put(key, result);
        return result;
    }
}
