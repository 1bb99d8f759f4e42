package org.iamdojo.training.workshop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a board as CSV (RFC 4180 quoting) in UTF-8 with a byte order mark: without the BOM, spreadsheet
 * programs on Windows read the file as the local code page and garble Korean names.
 */
final class ResultsCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ResultsCsv() {
    }

    /**
     * One line per participant and scenario. Headers: workshop, participant, scenario, status, score, max,
     * hints used, last activity (ISO-8601 UTC); {@code scenarioName} gives a scenario's title and {@code statusLabel}
     * a cell status ({@link Board.Cell#status()}) in the reader's language.
     */
    static byte[] write(Board board, List<String> headers, Function<String, String> scenarioName,
                        Function<String, String> statusLabel) {
        StringBuilder csv = new StringBuilder();
        line(csv, headers);
        for (Board.Row row : board.rows()) {
            for (Board.Cell c : row.cells()) {
                line(csv, List.of(board.workshop().title(), row.username(), scenarioName.apply(c.scenarioId()),
                        statusLabel.apply(c.status()),
                        c.score() == null ? "" : c.score().toString(), c.max() == null ? "" : c.max().toString(),
                        Integer.toString(c.hintsUsed()),
                        c.lastActivity() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(c.lastActivity())));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quotes a field when needed; a leading =, +, -, @, tab or carriage return is prefixed with ' so spreadsheets
     * do not run it (OWASP, "CSV Injection").
     */
    static String quote(String field) {
        String f = field;
        if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0) {
            f = "'" + f;
        }
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }
}
