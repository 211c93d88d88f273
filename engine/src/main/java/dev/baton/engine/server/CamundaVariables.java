package dev.baton.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.EngineException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Camunda 7's typed variables ({@code {"value": 42, "type": "Integer"}}) to and from Baton's plain JSON values.
 * Types are read in any letter case; Json and Object (as application/json) become JSON values.
 */
final class CamundaVariables {
    private CamundaVariables() {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    static String date(long epochMs) { return DATE.format(Instant.ofEpochMilli(epochMs)); }

    static Map<String, Object> fromTyped(Object raw, ObjectMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null) return out;
        if (!(raw instanceof Map<?, ?> vars)) throw new EngineException.BadRequest("variables must be an object of {value, type}");
        for (Map.Entry<?, ?> e : vars.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> typed)) {
                throw new EngineException.BadRequest("Variable '" + name + "' must be an object {value, type}");
            }
            out.put(name, value(name, typed, json));
        }
        return out;
    }

    private static Object value(String name, Map<?, ?> typed, ObjectMapper json) {
        Object value = typed.get("value");
        String type = typed.get("type") == null ? "" : String.valueOf(typed.get("type")).toLowerCase(Locale.ROOT);
        if (value == null) return null;
        try {
            return switch (type) {
                case "", "string", "date", "bytes", "file" -> value instanceof String ? value : String.valueOf(value);
                case "null" -> null;
                case "boolean" -> value instanceof Boolean ? value : Boolean.parseBoolean(String.valueOf(value));
                case "integer", "short" -> value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
                case "long" -> value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
                case "double" -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
                case "json" -> value instanceof String s ? json.readValue(s, Object.class) : value;
                case "object" -> {
                    Object format = typed.get("valueInfo") instanceof Map<?, ?> info ? info.get("serializationDataFormat") : null;
                    if (format != null && !String.valueOf(format).contains("json")) {
                        throw new EngineException.BadRequest("Variable '" + name + "' is an Object serialized as " + format
                                + "; Baton keeps variables as JSON: serialize it as application/json");
                    }
                    yield value instanceof String s ? json.readValue(s, Object.class) : value;
                }
                default -> throw new EngineException.BadRequest("Variable '" + name + "' has type '" + typed.get("type")
                        + "', which Baton does not know (String, Boolean, Integer, Short, Long, Double, Date, Json, Object, Bytes, File, Null)");
            };
        } catch (NumberFormatException | JsonProcessingException e) {
            throw new EngineException.BadRequest("Variable '" + name + "' is not a valid " + typed.get("type") + ": " + value);
        }
    }

    static Map<String, Object> toTyped(Map<String, Object> vars, ObjectMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((name, v) -> {
            Map<String, Object> typed = new LinkedHashMap<>();
            if (v == null) {
                typed.put("type", "Null");
                typed.put("value", null);
            } else if (v instanceof String) {
                typed.put("type", "String");
                typed.put("value", v);
            } else if (v instanceof Boolean) {
                typed.put("type", "Boolean");
                typed.put("value", v);
            } else if (v instanceof Integer || v instanceof Short) {
                typed.put("type", "Integer");
                typed.put("value", v);
            } else if (v instanceof Long l) {
                typed.put("type", l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? "Integer" : "Long");
                typed.put("value", v);
            } else if (v instanceof Number) {
                typed.put("type", "Double");
                typed.put("value", ((Number) v).doubleValue());
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                typed.put("type", "Json");
                try {
                    typed.put("value", json.writeValueAsString(v));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write variable " + name, e);
                }
            } else {
                typed.put("type", "String");
                typed.put("value", String.valueOf(v));
            }
            typed.put("valueInfo", Map.of());
            out.put(name, typed);
        });
        return out;
    }
}
