package dev.baton.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sample processes shipped with Baton, read from the classpath, and example variables to start each. */
public final class Samples {

    /** One sample: its file name, BPMN text, process id and the variables of a typical instance. */
    public record Sample(String fileName, String xml, String processId) {}

    public static final List<String> FILES = List.of("order-saga.bpmn", "loan-approval.bpmn", "flight-booking.bpmn");

    /** Samples that need the engine started with a Kafka broker ({@link DemoKafka} in the demo). */
    public static final List<String> KAFKA_FILES = List.of("order-events.bpmn");

    private Samples() {}

    public static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (String f : FILES) out.add(new Sample(f, read(f), processId(f)));
        return out;
    }

    /** The samples that consume and publish Kafka records; deploy them only to an engine with Kafka configured. */
    public static List<Sample> kafka() {
        List<Sample> out = new ArrayList<>();
        for (String f : KAFKA_FILES) out.add(new Sample(f, read(f), processId(f)));
        return out;
    }

    /** Whether instances of the process start from an event on Kafka rather than through the engine's API. */
    public static boolean startsFromKafka(String processId) {
        return processId.equals("orderEvents");
    }

    public static String read(String fileName) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + fileName)) {
            if (in == null) throw new IllegalStateException("sample " + fileName + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read sample " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static String processId(String fileName) {
        return switch (fileName) {
            case "order-saga.bpmn" -> "orderSaga";
            case "loan-approval.bpmn" -> "loanApproval";
            case "flight-booking.bpmn" -> "flightBooking";
            case "order-events.bpmn" -> "orderEvents";
            default -> throw new IllegalArgumentException(fileName);
        };
    }

    /** Variables for the n-th demo instance of a process, pointing at the demo services. */
    public static Map<String, Object> variables(String processId, int n, String servicesUrl) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("servicesUrl", servicesUrl);
        switch (processId) {
            case "orderSaga" -> {
                v.put("orderId", "order-" + n);
                v.put("amount", 40 + 35 * n);
            }
            case "loanApproval" -> {
                v.put("applicant", n % 2 == 0 ? "alice-" + n : "zoe-" + n);
                v.put("amount", 5000 + 2500 * n);
                v.put("reviewTimeout", "PT10M");
                v.put("coolingOff", "PT20S");
            }
            case "flightBooking" -> v.put("tripId", "trip-" + n);
            case "orderEvents" -> {
                v.put("orderId", "web-" + n);
                v.put("quantity", 1 + n % 3);
            }
            default -> throw new IllegalArgumentException("no sample process " + processId);
        }
        return v;
    }

    /**
     * The n-th order-placed event the shop of the demo publishes to {@link DemoKafka#ORDERS}: key the order id, value a
     * JSON object that becomes the new instance's variables. It names the demo services' address because the demo
     * picks their port at start; a real process would have its services' addresses in the BPMN file or configuration.
     */
    public static String orderPlacedEvent(int n, String servicesUrl) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(variables("orderEvents", n, servicesUrl));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the order event as JSON", e);
        }
    }

    public static String businessKey(String processId, int n) {
        return switch (processId) {
            case "orderSaga" -> "order-" + n;
            case "loanApproval" -> "loan-" + n;
            case "orderEvents" -> "web-" + n;
            default -> "trip-" + n;
        };
    }
}
