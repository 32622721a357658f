package jp.ishigaki.console.policy;

/**
 * A threat code or control as the console links it: its code, localised name and the clause of the policy it falls
 * under (rendered as a link with the clause text on hover and in the side panel).
 */
public record PolicyRef(String code, String ja, String en, PolicyClause clause) {

    public String name(String lang) {
        return "en".equals(lang) ? en : ja;
    }
}
