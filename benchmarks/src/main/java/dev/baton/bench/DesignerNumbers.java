package dev.baton.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.bpmn.BpmnFiles;
import dev.baton.model.Definitions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The designer's file work on a 2,000-element process without diagram geometry, as the designer meets a file
 * written by a tool that draws nothing: read it (with the dialect mapping) and lay it out. No JavaFX here: frame
 * times are measured by the designer's own BigDiagramBenchmarkTest.
 */
final class DesignerNumbers {
    private DesignerNumbers() {}

    /** start, then segments of fork, two tasks, join (9 elements each with their flows), then end. */
    static String bigProcess(int elements) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_big" targetNamespace="https://baton.dev/bench">
                <bpmn:process id="big" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                """);
        String last = "Start";
        int count = 1, segment = 0, flow = 0;
        while (count + 9 + 2 <= elements) {
            String fork = "Fork" + segment, join = "Join" + segment, a = "TaskA" + segment, c = "TaskB" + segment;
            b.append("<bpmn:parallelGateway id=\"").append(fork).append("\"/><bpmn:parallelGateway id=\"").append(join).append("\"/>")
                    .append("<bpmn:task id=\"").append(a).append("\" name=\"Check part ").append(segment).append("\"/>")
                    .append("<bpmn:userTask id=\"").append(c).append("\" name=\"Approve part ").append(segment).append("\"/>\n");
            for (String[] f : new String[][] {{last, fork}, {fork, a}, {fork, c}, {a, join}, {c, join}}) {
                b.append("<bpmn:sequenceFlow id=\"F").append(flow++).append("\" sourceRef=\"").append(f[0]).append("\" targetRef=\"").append(f[1]).append("\"/>");
            }
            b.append('\n');
            last = join;
            count += 9;
            segment++;
        }
        b.append("<bpmn:endEvent id=\"End\"/><bpmn:sequenceFlow id=\"F").append(flow).append("\" sourceRef=\"").append(last)
                .append("\" targetRef=\"End\"/>\n</bpmn:process>\n</bpmn:definitions>\n");
        return b.toString();
    }

    static ObjectNode measure(int elements, int runs) throws Exception {
        byte[] xml = bigProcess(elements).getBytes(StandardCharsets.UTF_8);
        double[] read = new double[runs], layout = new double[runs];
        int count = 0;
        for (int warm = 0; warm < 2; warm++) BpmnFiles.layout(BpmnFiles.read(xml, "big.bpmn").definitions());
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Definitions d = BpmnFiles.read(xml, "big.bpmn").definitions();
            long t1 = System.nanoTime();
            Definitions laid = BpmnFiles.layout(d);
            long t2 = System.nanoTime();
            read[r] = (t1 - t0) / 1e6;
            layout[r] = (t2 - t1) / 1e6;
            count = laid.diagrams().isEmpty() ? 0 : laid.diagrams().get(0).plane().elements().size();
        }
        if (count < elements * 9 / 10) throw new IllegalStateException("The layout drew " + count + " of about " + elements + " elements");
        Arrays.sort(read);
        Arrays.sort(layout);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("elements", elements);
        out.put("diagramElementsDrawn", count);
        out.put("fileBytes", xml.length);
        out.put("runs", runs);
        out.put("readMsMedian", read[runs / 2]).put("readMsMin", read[0]);
        out.put("layoutMsMedian", layout[runs / 2]).put("layoutMsMin", layout[0]);
        return out;
    }
}
