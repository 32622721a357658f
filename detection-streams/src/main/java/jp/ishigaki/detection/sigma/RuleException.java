package jp.ishigaki.detection.sigma;

/** A rule file that cannot be used, with the file, the line (1-based, 0 when unknown) and the problem. */
public final class RuleException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public RuleException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
