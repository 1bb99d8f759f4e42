package org.iamdojo.ui.practice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * "My progress" as a line chart drawn on the server as SVG (no chart library, no frontend build): scores in
 * percent over time, one series for scenario attempts and one for exams. Every point carries its label as an SVG
 * {@code <title>} (a tooltip, read by screen readers); the tables below the chart hold the same facts as text.
 */
final class ProgressChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    /** Which series a point belongs to. */
    enum Series { SCENARIO, EXAM }

    /** One score: when, how much of the maximum (0–100), what it was (the point's title). */
    record Point(Instant at, int percent, Series series, String label) {
    }

    private ProgressChart() {
    }

    /**
     * The SVG of {@code points} (at least one), oldest left. Times are spread by their order, not to scale, so a
     * burst of attempts in one evening stays readable next to an exam a month later; the x labels give the dates.
     */
    static String svg(List<Point> points, String description, Function<Instant, String> date) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(Point::at));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" data-points=\"").append(sorted.size())
                .append("\"><title>").append(escape(description)).append("</title>");
        for (int p = 0; p <= 100; p += 25) {
            int y = TOP + plotH - plotH * p / 100;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%d%%</text>",
                    LEFT - 6, y + 4, p));
        }
        double step = sorted.size() == 1 ? 0 : (double) plotW / (sorted.size() - 1);
        for (Series series : Series.values()) {
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < sorted.size(); i++) {
                Point point = sorted.get(i);
                if (point.series() != series) {
                    continue;
                }
                double x = LEFT + (sorted.size() == 1 ? plotW / 2.0 : i * step);
                double y = TOP + plotH - plotH * Math.max(0, Math.min(100, point.percent())) / 100.0;
                line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                dots.append(String.format(Locale.ROOT, "<circle class=\"point point-%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\">"
                        + "<title>%s</title></circle>", series.name().toLowerCase(Locale.ROOT), x, y, escape(point.label())));
            }
            if (line.length() > 0) {
                svg.append("<polyline class=\"series series-").append(series.name().toLowerCase(Locale.ROOT))
                        .append("\" fill=\"none\" points=\"").append(line).append("\"/>").append(dots);
            }
        }
        Point first = sorted.get(0);
        Point last = sorted.get(sorted.size() - 1);
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>", LEFT, HEIGHT - 8,
                escape(date.apply(first.at()))));
        if (sorted.size() > 1) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    WIDTH - RIGHT, HEIGHT - 8, escape(date.apply(last.at()))));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
