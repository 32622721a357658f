package jp.ishigaki.console.policy;

/** One clause of the city's basic policy as shown in the console: its number, anchor, heading and verbatim text. */
public record PolicyClause(String clause, String anchor, String heading, String text) {
}
