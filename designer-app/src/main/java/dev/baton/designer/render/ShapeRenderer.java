package dev.baton.designer.render;

import dev.baton.model.di.Shape;

/** Draws one kind of element's shape and its label. */
interface ShapeRenderer {
    void draw(RenderContext ctx, Shape shape, Object element);
}
