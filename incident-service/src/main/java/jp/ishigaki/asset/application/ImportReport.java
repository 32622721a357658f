package jp.ishigaki.asset.application;

import java.util.List;

/** The outcome of a CSV import: counts, and for each rejected row its number in the file, the column and the problem. */
public record ImportReport(int rows, int created, int updated, int rejectedRows, List<RowError> errors) {

    /** One problem of one row; {@code row} counts lines of the file, the header being row 1. */
    public record RowError(int row, String column, String problem) {
    }
}
