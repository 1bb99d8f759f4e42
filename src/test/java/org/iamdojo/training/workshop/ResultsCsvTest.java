package org.iamdojo.training.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The CSV writer on its own: labels come from the caller, the BOM and the formula guard always apply. */
class ResultsCsvTest {
    private static final Instant T = Instant.parse("2025-03-01T09:00:00Z");
    private static final List<String> HEADERS = List.of("w", "p", "s", "status", "score", "max", "hints", "last");

    private static Board board(String username) {
        Workshop w = new Workshop("w1", 1, "Class", "ABC346", T, T.plusSeconds(3600), true, false, T,
                List.of("a", "b"));
        Board.Row row = new Board.Row(2, username, List.of(
                new Board.Cell("a", "x1", "IN_PROGRESS", 40, 100, 1, 3, T),
                new Board.Cell("b", null, Board.NOT_STARTED, null, null, 0, 0, null)));
        return new Board(w, List.of(row), new Board.Summary(1, 0, List.of(0, 0), List.of()), T);
    }

    private static String[] lines(byte[] csv) {
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
    }

    @Test
    void writesTheStatusLabelNotTheCode() {
        Map<String, String> korean = Map.of("IN_PROGRESS", "진행 중", Board.NOT_STARTED, "시작 전");
        String[] lines = lines(ResultsCsv.write(board("kim"), HEADERS, Function.identity(), korean::get));
        assertThat(lines).containsExactly(String.join(",", HEADERS),
                "Class,kim,a,진행 중,40,100,1,2025-03-01T09:00:00Z",
                "Class,kim,b,시작 전,,,0,");
    }

    @Test
    void guardsFormulasInEveryFieldIncludingLabels() {
        String[] lines = lines(ResultsCsv.write(board("=HYPERLINK(\"x\")"), HEADERS, id -> "+" + id, s -> "@" + s));
        assertThat(lines[1]).startsWith("Class,\"'=HYPERLINK(\"\"x\"\")\",'+a,'@IN_PROGRESS,");
    }

    @Test
    void leadingTabOrCarriageReturnIsDefusedToo() {
        assertThat(ResultsCsv.quote("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ResultsCsv.quote("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(ResultsCsv.quote("plain")).isEqualTo("plain");
    }
}
