package dev.baton.bpmn.layout;

import static dev.baton.bpmn.layout.Models.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.Definitions;
import dev.baton.model.FlowContent;
import dev.baton.model.Process;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoLayoutTest {
    private final AutoLayout layout = new AutoLayout();

    /** Lays out, writes the SVG for a person to look at, and checks every rule a drawn diagram keeps. */
    private LayoutChecks laidOut(String name, Definitions d) {
        assertThat(layout.needsLayout(d)).as("a model without diagrams needs a layout").isTrue();
        Definitions result = layout.layout(d);
        SvgDump.write(name, result);
        assertThat(result.rootElements()).as("semantics untouched").isEqualTo(d.rootElements());
        assertThat(result.diagrams()).hasSize(1);
        assertThat(layout.needsLayout(result)).isFalse();
        LayoutChecks checks = new LayoutChecks(result);
        assertThat(checks.missingDi()).isEmpty();
        assertThat(checks.overlaps()).isEmpty();
        assertThat(checks.flowsThroughShapes()).isEmpty();
        assertThat(checks.endsOffBorders()).isEmpty();
        assertThat(checks.boundaryEventsOffHostBorder()).isEmpty();
        assertThat(checks.outsideContainers()).isEmpty();
        return checks;
    }

    private static void assertOrthogonal(Edge e) {
        List<Point> pts = e.waypoints();
        for (int i = 0; i + 1 < pts.size(); i++) {
            Point a = pts.get(i), b = pts.get(i + 1);
            assertThat(a.x() == b.x() || a.y() == b.y()).as(e.elementRef() + " segment " + a + "-" + b + " is orthogonal").isTrue();
        }
    }

    @Test
    void aStraightLineReadsLeftToRightWithBpmnJsSizes() {
        Process p = process("order", content(
                start("start", "Order received"), task("check", "Check order"), task("ship", "Ship goods"), end("end", "Done"),
                flow("f1", "start", "check"), flow("f2", "check", "ship"), flow("f3", "ship", "end")));
        LayoutChecks c = laidOut("straight-line", definitions(p));

        Bounds start = c.shapes.get("start").bounds(), check = c.shapes.get("check").bounds();
        Bounds ship = c.shapes.get("ship").bounds(), end = c.shapes.get("end").bounds();
        assertThat(List.of(start.width(), start.height(), check.width(), check.height())).containsExactly(36.0, 36.0, 100.0, 80.0);
        assertThat(start.maxX()).isLessThan(check.x());
        assertThat(check.maxX()).isLessThan(ship.x());
        assertThat(ship.maxX()).isLessThan(end.x());
        // one straight line through the middles, gaps like a person leaves them
        assertThat(List.of(start.centerY(), check.centerY(), ship.centerY(), end.centerY())).containsOnly(check.centerY());
        assertThat(ship.x() - check.maxX()).isBetween(30.0, 90.0);
        assertThat(c.edges.get("f2").waypoints()).hasSize(2);
        // events get their name below
        Bounds label = c.shapes.get("start").label().bounds();
        assertThat(label.y()).isGreaterThanOrEqualTo(start.maxY());
        assertThat(label.centerX()).isCloseTo(start.centerX(), org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void gatewaysForkAndJoinWithOrthogonalFlowsAndNamedBranches() {
        Process p = process("approve", content(
                start("s", null), xor("split", "Amount?"), task("auto", "Approve automatically"),
                task("manual", "Review by hand"), task("escalate", "Escalate"), xor("join", null), end("e", null),
                flow("f1", "s", "split"), flow("f2", "split", "auto", "small"), flow("f3", "split", "manual", "medium"),
                flow("f4", "split", "escalate", "large"), flow("f5", "auto", "join"), flow("f6", "manual", "join"),
                flow("f7", "escalate", "join"), flow("f8", "join", "e")));
        LayoutChecks c = laidOut("gateways", definitions(p));

        assertThat(c.shapes.get("split").bounds().width()).isEqualTo(50.0);
        assertThat(c.shapes.get("split").markerVisible()).isTrue();
        c.edges.values().forEach(AutoLayoutTest::assertOrthogonal);
        Bounds auto = c.shapes.get("auto").bounds(), manual = c.shapes.get("manual").bounds();
        assertThat(auto.x()).as("branches side by side in one column").isEqualTo(manual.x());
        assertThat(c.edges.get("f3").label()).as("a named flow has its label").isNotNull();
        assertThat(c.shapes.get("split").label().bounds().y()).isGreaterThanOrEqualTo(c.shapes.get("split").bounds().maxY());
    }

    @Test
    void aLoopBackGoesAroundInsteadOfThroughTheTasks() {
        Process p = process("retry", content(
                start("s", null), task("try", "Try payment"), xor("ok", "Paid?"), task("remind", "Send reminder"), end("e", "Paid"),
                flow("f1", "s", "try"), flow("f2", "try", "ok"), flow("f3", "ok", "e", "yes"), flow("f4", "ok", "remind", "no"),
                flow("f5", "remind", "try")));
        LayoutChecks c = laidOut("loop-back", definitions(p));
        c.edges.values().forEach(AutoLayoutTest::assertOrthogonal);
        assertThat(c.shapes.get("try").bounds().maxX()).isLessThan(c.shapes.get("ok").bounds().x());
    }

    @Test
    void boundaryEventsSitOnTheBottomBorderAndTheirFlowsLeaveDownwards() {
        Process p = process("ship", content(
                start("s", null), task("pack", "Pack parcel"), task("send", "Hand to carrier"), end("e", "Shipped"),
                timerBoundary("late", "2 days", "pack"), errorBoundary("broken", "Damaged", "pack"),
                task("replace", "Order replacement"), end("e2", "Replaced"), task("apologise", "Apologise"), end("e3", null),
                flow("f1", "s", "pack"), flow("f2", "pack", "send"), flow("f3", "send", "e"),
                flow("f4", "late", "apologise"), flow("f5", "apologise", "e3"),
                flow("f6", "broken", "replace"), flow("f7", "replace", "e2")));
        LayoutChecks c = laidOut("boundary-events", definitions(p));

        Bounds host = c.shapes.get("pack").bounds();
        Bounds late = c.shapes.get("late").bounds(), broken = c.shapes.get("broken").bounds();
        assertThat(late.centerY()).as("centred on the bottom border").isEqualTo(host.maxY());
        assertThat(broken.centerY()).isEqualTo(host.maxY());
        assertThat(late.intersects(broken)).as("spread along the border").isFalse();
        for (String f : List.of("f4", "f6")) {
            List<Point> pts = c.edges.get(f).waypoints();
            assertThat(pts.get(1).y()).as(f + " leaves downwards").isGreaterThan(pts.get(0).y());
            assertOrthogonal(c.edges.get(f));
        }
        assertThat(c.shapes.get("replace").bounds().y()).as("exception path below the host").isGreaterThan(host.maxY());
    }

    @Test
    void expandedSubprocessHoldsItsContentAndTheEventSubprocessSitsBelow() {
        FlowContent inner = content(start("is", null), task("a", "Reserve"), task("b", "Confirm"), end("ie", null),
                flow("i1", "is", "a"), flow("i2", "a", "b"), flow("i3", "b", "ie"));
        FlowContent handler = content(start("es", "Cancelled"), task("undo", "Undo booking"), end("ee", null),
                flow("h1", "es", "undo"), flow("h2", "undo", "ee"));
        Process p = process("booking", content(
                start("s", null), subProcess("book", "Book trip", inner), task("mail", "Send itinerary"), end("e", null),
                errorBoundary("fail", "Failed", "book"), end("failed", "Failed"),
                eventSubProcess("cancel", "On cancellation", handler),
                flow("f1", "s", "book"), flow("f2", "book", "mail"), flow("f3", "mail", "e"), flow("f4", "fail", "failed")));
        LayoutChecks c = laidOut("subprocesses", definitions(p));

        Shape book = c.shapes.get("book"), cancel = c.shapes.get("cancel");
        assertThat(book.expanded()).isTrue();
        assertThat(cancel.expanded()).isTrue();
        for (String child : List.of("is", "a", "b", "ie")) assertThat(book.bounds().contains(c.shapes.get(child).bounds())).isTrue();
        for (String child : List.of("es", "undo", "ee")) assertThat(cancel.bounds().contains(c.shapes.get(child).bounds())).isTrue();
        double mainBottom = List.of("s", "book", "mail", "e").stream().mapToDouble(id -> c.shapes.get(id).bounds().maxY()).max().orElseThrow();
        assertThat(cancel.bounds().y()).as("event subprocess below the main flow").isGreaterThan(mainBottom);
    }

    @Test
    void twoPoolsWithNestedLanesAndMessageFlows() {
        Process customer = process("customer", new FlowContent(List.of(
                start("cs", "Hungry"), task("order", "Order pizza"), messageCatch("wait", "Pizza arrives"), task("eat", "Eat"), end("ce", null),
                flow("c1", "cs", "order"), flow("c2", "order", "wait"), flow("c3", "wait", "eat"), flow("c4", "eat", "ce")), null, null));
        Process shop = process("shop", new FlowContent(List.of(
                start("ss", "Order in"), task("take", "Take order"), task("bake", "Bake pizza"), xor("check", "Quality ok?"),
                task("box", "Box pizza"), task("deliver", "Deliver"), end("se", null),
                timerBoundary("slow", "45 min", "bake"), task("calm", "Calm customer"), end("ce2", null),
                eventSubProcess("complaint", "Complaint", content(start("cs2", "Complaint"), task("refund", "Refund"), end("ce3", null),
                        flow("x1", "cs2", "refund"), flow("x2", "refund", "ce3"))),
                dataRef("recipe", "Recipe"),
                taskWithData("note", "Note order", List.of(), List.of(new DataAssociation("toRecipe", List.of(), "recipe", null))),
                flow("s1", "ss", "take"), flow("s2", "take", "note"), flow("s2b", "note", "bake"), flow("s3", "bake", "check"),
                flow("s4", "check", "box", "yes"), flow("s5", "check", "bake", "no"), flow("s6", "box", "deliver"),
                flow("s7", "deliver", "se"), flow("s8", "slow", "calm"), flow("s9", "calm", "ce2")),
                null, List.of(laneSet("ls", lane("clerk", "Clerk", "ss", "take", "note", "calm", "ce2", "complaint"),
                        parentLane("kitchen", "Kitchen", lane("chef", "Chef", "bake", "check"), lane("helper", "Helper", "box")),
                        lane("driver", "Driver", "deliver", "se")))));
        Collaboration collab = new Collaboration("collab", null, false,
                List.of(pool("p1", "Customer", "customer"), pool("p2", "Pizza shop", "shop")),
                List.of(message("m1", "order", "ss"), message("m2", "deliver", "wait")), null, null, null);
        LayoutChecks c = laidOut("pools-and-lanes", definitions(collab, customer, shop));

        Bounds p1 = c.shapes.get("p1").bounds(), p2 = c.shapes.get("p2").bounds();
        assertThat(p1.maxY()).as("pools stacked").isLessThan(p2.y());
        assertThat(p1.width()).as("pools aligned").isEqualTo(p2.width());
        assertThat(c.shapes.get("p1").horizontal()).isTrue();
        for (String lane : List.of("clerk", "kitchen", "chef", "helper", "driver")) {
            Shape l = c.shapes.get(lane);
            assertThat(l.horizontal()).isTrue();
            assertThat(p2.contains(l.bounds())).as(lane + " inside its pool").isTrue();
            assertThat(l.bounds().x()).as(lane + " right of the pool's name band").isGreaterThanOrEqualTo(p2.x() + 30);
        }
        assertThat(c.shapes.get("kitchen").bounds().contains(c.shapes.get("chef").bounds())).isTrue();
        assertThat(c.shapes.get("clerk").bounds().contains(c.shapes.get("complaint").bounds())).as("event subprocess in its lane").isTrue();
        double clerkFlowBottom = List.of("ss", "take", "note", "calm").stream().mapToDouble(id -> c.shapes.get(id).bounds().maxY()).max().orElseThrow();
        assertThat(c.shapes.get("complaint").bounds().y()).as("below the lane's flow").isGreaterThan(clerkFlowBottom);
        assertThat(c.messageFlowsThroughShapes()).isEmpty();
        assertThat(c.shapes.get("chef").bounds().maxY()).isLessThanOrEqualTo(c.shapes.get("helper").bounds().y());
        for (String m : List.of("m1", "m2")) {
            List<Point> pts = c.edges.get(m).waypoints();
            for (int i = 0; i + 1 < pts.size(); i++) {
                assertThat(pts.get(i).x() == pts.get(i + 1).x() || pts.get(i).y() == pts.get(i + 1).y()).isTrue();
            }
            assertThat(LayoutChecks.onBorder(pts.get(0), c.shapes.get(m.equals("m1") ? "order" : "deliver").bounds())).isTrue();
        }
    }

    @Test
    void textAnnotationAndDataObjectsConnectWithoutCrossing() {
        Process p = process("claims", new FlowContent(List.of(
                start("s", null),
                taskWithData("assess", "Assess claim", List.of(new DataAssociation("din", List.of("claim"), null, null)),
                        List.of(new DataAssociation("dout", List.of(), "decision", null))),
                task("pay", "Pay out"), end("e", null), dataRef("claim", "Claim form"), dataRef("decision", "Decision"),
                flow("f1", "s", "assess"), flow("f2", "assess", "pay"), flow("f3", "pay", "e")),
                List.of(note("n1", "Four-eyes principle above 10,000 EUR"), association("a1", "pay", "n1")), null));
        LayoutChecks c = laidOut("artifacts", definitions(p));

        assertThat(c.shapes.get("claim").bounds().width()).isEqualTo(36.0);
        assertThat(c.shapes.get("n1").bounds().width()).isEqualTo(100.0);
        for (String e : List.of("din", "dout", "a1")) assertThat(c.edges).containsKey(e);
        assertThat(LayoutChecks.onBorder(c.edges.get("din").waypoints().get(0), c.shapes.get("claim").bounds())).isTrue();
    }

    @Test
    void aBlackBoxPoolGetsAThinPoolAndMessageFlowsReachItsBorder() {
        Process p = process("supplier", content(start("s", null), task("ask", "Ask for quote"), task("read", "Read quote"), end("e", null),
                flow("f1", "s", "ask"), flow("f2", "ask", "read"), flow("f3", "read", "e")));
        Collaboration collab = new Collaboration("c", null, false,
                List.of(pool("buyer", "Buyer", "supplier"), pool("market", "Market", null)),
                List.of(message("m1", "ask", "market"), message("m2", "market", "read")), null, null, null);
        LayoutChecks c = laidOut("black-box-pool", definitions(collab, p));
        Bounds market = c.shapes.get("market").bounds();
        assertThat(market.height()).isEqualTo(60.0);
        assertThat(market.width()).isEqualTo(c.shapes.get("buyer").bounds().width());
        List<Point> m1 = c.edges.get("m1").waypoints(), m2 = c.edges.get("m2").waypoints();
        assertThat(m1).as("straight down").hasSize(2);
        assertThat(m1.get(1).y()).isEqualTo(market.y());
        assertThat(m2.get(0).y()).isEqualTo(market.y());
        assertThat(m2.get(m2.size() - 1).y()).isEqualTo(c.shapes.get("read").bounds().maxY());
        assertThat(c.messageFlowsThroughShapes()).isEmpty();
    }

    @Test
    void aSequenceFlowThatABrokenFileDrawsBetweenPoolsRunsBetweenThemLikeAMessageFlow() {
        Process a = process("a", content(start("as", null), task("a1", "First"), task("a2", "Second"), end("ae", null),
                flow("af1", "as", "a1"), flow("af2", "a1", "a2"), flow("af3", "a2", "ae"), flow("wrong", "a1", "b2")));
        Process b = process("b", content(start("bs", null), task("b1", "Third"), task("b2", "Fourth"), end("be", null),
                flow("bf1", "bs", "b1"), flow("bf2", "b1", "b2"), flow("bf3", "b2", "be")));
        Collaboration collab = new Collaboration("c", null, false, List.of(pool("pa", "A", "a"), pool("pb", "B", "b")),
                List.of(), null, null, null);
        LayoutChecks c = laidOut("flow-between-pools", definitions(collab, a, b));
        assertOrthogonal(c.edges.get("wrong"));
    }

    @Test
    void theProcessDataInputsAndOutputsOfItsIoSpecificationAreDrawnLikeDataObjects() {
        String io = "<bpmn:ioSpecification xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL' id='io'>"
                + "<bpmn:dataInput id='order' name='Order'/><bpmn:dataOutput id='invoice' name='Invoice'/>"
                + "<bpmn:inputSet id='is'/><bpmn:outputSet id='os'/></bpmn:ioSpecification>";
        dev.baton.model.Extensions ext = new dev.baton.model.Extensions(null, null,
                List.of(new dev.baton.model.XmlFragment("http://www.omg.org/spec/BPMN/20100524/MODEL", "ioSpecification", io)));
        Process p = new Process("billing", "Billing", true, null, false, content(start("s", null),
                taskWithData("bill", "Write invoice", List.of(new DataAssociation("in", List.of("order"), null, null)),
                        List.of(new DataAssociation("out", List.of(), "invoice", null))),
                end("e", null), flow("f1", "s", "bill"), flow("f2", "bill", "e")), null, ext);
        LayoutChecks c = laidOut("process-data", definitions(p));
        assertThat(c.shapes.get("order").bounds().width()).isEqualTo(36.0);
        assertThat(c.shapes.get("invoice").label()).isNotNull();
        assertThat(c.edges).containsKeys("in", "out");
    }

    @Test
    void aPartlyDrawnFileNeedsLayoutAndBrokenReferencesDoNotStopIt() {
        Process p = process("odd", content(start("s", null), task("t", "Work"), end("e", null), flow("f1", "s", "t"),
                flow("f2", "t", "e"), flow("dangling", "t", "nowhere"), flow("again", "t", "t"), errorBoundary("lost", "Lost", "nothing")));
        Definitions drawn = layout.layout(definitions(p));
        LayoutChecks c = new LayoutChecks(drawn);
        assertThat(c.all()).isEmpty();
        assertThat(c.shapes).containsKey("lost");
        assertThat(c.edges).doesNotContainKey("dangling");
        assertThat(c.edges.get("again").waypoints()).as("a flow back into its own task goes around it").hasSizeGreaterThan(3);
        var plane = drawn.diagrams().get(0).plane();
        var withoutTask = drawn.withDiagrams(List.of(drawn.diagrams().get(0).withPlane(
                plane.withElements(plane.elements().stream().filter(e -> !"t".equals(e.elementRef())).toList()))));
        assertThat(layout.needsLayout(withoutTask)).isTrue();
        assertThat(layout.needsLayout(drawn)).isFalse();
    }

    @Test
    void existingDiagramsAreReplacedAndAFullDiagramNeedsNoLayout() {
        Process p = process("one", content(start("s", null), end("e", null), flow("f", "s", "e")));
        Definitions first = layout.layout(definitions(p));
        Definitions again = layout.layout(first);
        assertThat(again.diagrams()).hasSize(1);
        assertThat(again.diagrams()).as("the same file lays out the same way every time").isEqualTo(first.diagrams());
        assertThat(layout.needsLayout(first)).isFalse();
        assertThat(again.diagrams().get(0).plane().elementRef()).isEqualTo("one");
        assertThat(again.diagrams().get(0).plane().shapes()).extracting(Shape::id).doesNotHaveDuplicates();
    }
}
