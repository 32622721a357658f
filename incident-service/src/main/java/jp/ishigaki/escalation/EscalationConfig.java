package jp.ishigaki.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/** The escalation policy of DOMAIN.md §6 (a local choice: every value is the city's to change). */
@ConfigMapping(prefix = "ishigaki.escalation")
public interface EscalationConfig {

    /** Policy for critical incidents. */
    Critical critical();

    /** Policy for high incidents. */
    High high();

    /** Policy for medium incidents. */
    Medium medium();

    /** Policy for low incidents. */
    Low low();

    /** Time zone of the working hours. */
    @WithDefault("Asia/Tokyo")
    String zone();

    /** Start of working hours (Monday–Friday). */
    @WithDefault("08:30")
    LocalTime workStart();

    /** End of working hours. */
    @WithDefault("17:15")
    LocalTime workEnd();

    /** How often due clocks are looked for. */
    @WithDefault("1s")
    Duration scanInterval();

    /** Most clocks one scheduler pass fires. */
    @WithDefault("100")
    int batchSize();

    /** Critical: roles told at once, interval, repeat at the top. */
    interface Critical {
        /** Roles notified when the incident opens (plus ciso for mynumber or a legal trigger). */
        @WithDefault("operator,supervisor")
        Set<String> notifyAtOnce();

        /** Escalate to the next level if not acknowledged within this time. */
        @WithDefault("15m")
        Optional<Duration> escalateAfter();

        /** Keep repeating the notice to the whole chain at the top level. */
        @WithDefault("true")
        boolean repeatAtTop();
    }

    /** High. */
    interface High {
        /** Roles notified when the incident opens. */
        @WithDefault("operator")
        Set<String> notifyAtOnce();

        /** Escalate to the next level if not acknowledged within this time. */
        @WithDefault("30m")
        Optional<Duration> escalateAfter();

        /** Keep repeating the notice at the top level. */
        @WithDefault("false")
        boolean repeatAtTop();
    }

    /** Medium. */
    interface Medium {
        /** Roles notified when the incident opens. */
        @WithDefault("operator")
        Set<String> notifyAtOnce();

        /** Escalate to the next level if not acknowledged within this time. */
        @WithDefault("4h")
        Optional<Duration> escalateAfter();

        /** Keep repeating the notice at the top level. */
        @WithDefault("false")
        boolean repeatAtTop();
    }

    /** Low: told in working hours, never escalated by default. */
    interface Low {
        /** Roles notified when the incident opens. */
        @WithDefault("operator")
        Set<String> notifyAtOnce();

        /** Escalate to the next level if not acknowledged within this time (unset: never). */
        Optional<Duration> escalateAfter();

        /** Notices wait for working hours. */
        @WithDefault("true")
        boolean workingHoursOnly();
    }
}
