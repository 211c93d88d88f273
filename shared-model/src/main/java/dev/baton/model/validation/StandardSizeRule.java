package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Event;
import dev.baton.model.Gateway;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

/**
 * bpmnlint standard-size (outside the recommended set, off by default): shapes keep bpmn-js's standard sizes.
 * Expanded subprocesses, pools with content and lanes follow their content and are not checked.
 */
final class StandardSizeRule extends BaseRule.Lint {
    StandardSizeRule() {
        super("standard-size", Severity.WARNING,
                "Shapes keep standard sizes: tasks 100x80, gateways 50x50, events 36x36, data objects 36x50, data stores 50x50.");
    }

    @Override
    public boolean enabledByDefault() { return false; }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Shape shape) || shape.bounds() == null) return;
        Object e = ctx.byId(shape.elementRef()).orElse(null);
        if (e == null) return;
        Bounds b = shape.bounds();
        double[] expected = expected(e, shape); // width, height; NaN means "not checked"
        if (expected == null) return;
        boolean wrongWidth = !Double.isNaN(expected[0]) && b.width() != expected[0];
        boolean wrongHeight = !Double.isNaN(expected[1]) && b.height() != expected[1];
        if (!wrongWidth && !wrongHeight) return;
        String want = Double.isNaN(expected[1]) ? "width " + fmt(expected[0])
                : Double.isNaN(expected[0]) ? "height " + fmt(expected[1])
                : fmt(expected[0]) + "x" + fmt(expected[1]);
        r.report(shape.elementRef(), Describe.of(e) + " is drawn " + fmt(b.width()) + "x" + fmt(b.height())
                + "; the standard is " + want + ".");
    }

    private static double[] expected(Object e, Shape shape) {
        if (e instanceof Collaboration.Participant p) {
            if (p.processRef() != null) return null;
            boolean horizontal = shape.horizontal() == null || shape.horizontal();
            return horizontal ? new double[] {Double.NaN, 60} : new double[] {60, Double.NaN};
        }
        if (e instanceof SubProcess) return Boolean.TRUE.equals(shape.expanded()) ? null : new double[] {100, 80};
        if (e instanceof Task || e instanceof CallActivity || e instanceof Activity) return new double[] {100, 80};
        if (e instanceof Gateway) return new double[] {50, 50};
        if (e instanceof Event) return new double[] {36, 36};
        if (e instanceof DataObjectReference) return new double[] {36, 50};
        if (e instanceof DataStoreReference) return new double[] {50, 50};
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
