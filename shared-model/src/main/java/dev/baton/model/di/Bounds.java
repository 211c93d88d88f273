package dev.baton.model.di;

/** A rectangle in diagram coordinates (y grows downwards). */
public record Bounds(double x, double y, double width, double height) {
    public double maxX() { return x + width; }

    public double maxY() { return y + height; }

    public double centerX() { return x + width / 2; }

    public double centerY() { return y + height / 2; }

    public boolean intersects(Bounds o) {
        return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
    }

    public boolean contains(Bounds o) {
        return o.x >= x && o.y >= y && o.maxX() <= maxX() && o.maxY() <= maxY();
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= maxX() && py >= y && py <= maxY();
    }

    public Bounds translate(double dx, double dy) { return new Bounds(x + dx, y + dy, width, height); }

    public Bounds union(Bounds o) {
        double nx = Math.min(x, o.x), ny = Math.min(y, o.y);
        return new Bounds(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
    }
}
