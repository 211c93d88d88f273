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

    private Samples() {}

    public static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (String f : FILES) out.add(new Sample(f, read(f), processId(f)));
        return out;
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
            default -> throw new IllegalArgumentException("no sample process " + processId);
        }
        return v;
    }

    public static String businessKey(String processId, int n) {
        return switch (processId) {
            case "orderSaga" -> "order-" + n;
            case "loanApproval" -> "loan-" + n;
            default -> "trip-" + n;
        };
    }
}
