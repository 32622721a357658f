package jp.ishigaki.incident.adapter.rest;

import jp.ishigaki.incident.domain.Impact;
import jp.ishigaki.incident.domain.PersonalDataAssessment;

import java.util.List;

/** Request bodies of the incident API. */
public final class IncidentCommands {

    private IncidentCommands() {
    }

    /** A manual report (policy §5: any staff member may report). */
    public record Report(String title, String description, String threat, String segment, String severity,
                         String department, List<String> affectedAssets, Boolean highlyClassifiedAsset,
                         Boolean serverRoom, PersonalDataAssessment personalData, Boolean ransomwareSuspected) {
    }

    /** Move to another state. */
    public record Transition(String to, String reason, String rootCause, String recurrencePrevention) {
    }

    /** Assign a handler. */
    public record Assign(String assignee) {
    }

    /** A comment. */
    public record Comment(String text) {
    }

    /** A note when completing, or the reason when waiving a task. */
    public record TaskNote(String note, String reason) {
    }

    /** Why a person escalates by hand. */
    public record Escalate(String reason) {
    }

    /** Merge this incident into another (id or number). */
    public record Merge(String into) {
    }

    /** Raise the severity. */
    public record RaiseSeverity(String severity, String reason) {
    }

    /** The personal-data / ransomware / NIST assessment. */
    public record Assess(PersonalDataAssessment personalData, Boolean ransomwareSuspected, Impact impact) {
    }
}
