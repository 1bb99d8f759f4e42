package org.iamdojo.scenario;

/** A problem in a scenario file, located by file, line (1-based; 0 when unknown) and field path (e.g. checks[2].user). */
public record ScenarioProblem(String file, int line, String path, String message) {

    /** "file:line: path: message", the way compilers report. */
    public String format() {
        return file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
