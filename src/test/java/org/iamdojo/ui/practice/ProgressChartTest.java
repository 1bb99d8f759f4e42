package org.iamdojo.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressChartTest {

    @Test
    void pointsAreInTimeOrderWithTheirScoreHeightAndAnEscapedTitle() {
        String svg = ProgressChart.svg(List.of(
                new ProgressChart.Point(Instant.parse("2026-12-02T10:00:00Z"), 100, ProgressChart.Series.EXAM, "SAA <exam> 100%"),
                new ProgressChart.Point(Instant.parse("2026-12-01T10:00:00Z"), 0, ProgressChart.Series.SCENARIO, "a 0%")),
                "My progress", Instant::toString);
        assertThat(svg).contains("data-points=\"2\"");
        // The older point is on the left at the bottom (0 %), the newer on the right at the top (100 %).
        assertThat(svg).contains("<circle class=\"point point-scenario\" cx=\"44.0\" cy=\"208.0\"");
        assertThat(svg).contains("<circle class=\"point point-exam\" cx=\"704.0\" cy=\"16.0\"");
        assertThat(svg).contains("SAA &lt;exam&gt; 100%").doesNotContain("<exam>");
        assertThat(svg).contains(">2026-12-01T10:00:00Z<").contains(">2026-12-02T10:00:00Z<");
    }
}
