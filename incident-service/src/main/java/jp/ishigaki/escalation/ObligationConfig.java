package jp.ishigaki.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Due dates and responsible roles of the external reporting obligations (DOMAIN.md §6). */
@ConfigMapping(prefix = "ishigaki.obligations")
public interface ObligationConfig {

    /** 個人情報保護委員会 速報: due this long after the leak becomes known (PPC guidance: 概ね3〜5日). */
    @WithDefault("3d")
    Duration ppcPreliminaryDue();

    /** 個人情報保護委員会 確報. */
    @WithDefault("30d")
    Duration ppcFinalDue();

    /** 確報 where an unlawful purpose is suspected (intentional threats T1). */
    @WithDefault("60d")
    Duration ppcFinalDueUnlawful();

    /** Police report due (unset: no deadline). */
    Optional<Duration> policeDue();

    /** Prefecture / MIC information sharing due (unset: no deadline). */
    Optional<Duration> prefectureDue();

    /** BCP activation decision due (unset: no deadline). */
    Optional<Duration> bcpDue();

    /** Role told about PPC deadlines. */
    @WithDefault("supervisor")
    String ppcRole();

    /** Role responsible for the police report. */
    @WithDefault("supervisor")
    String policeRole();

    /** Role responsible for prefecture sharing. */
    @WithDefault("supervisor")
    String prefectureRole();

    /** Role responsible for BCP activation. */
    @WithDefault("ciso")
    String bcpRole();

    /** How long before a deadline the responsible role is warned. */
    @WithDefault("1d")
    Duration approachingWarning();

    /** How often open deadlines are checked. */
    @WithDefault("30s")
    Duration scanInterval();
}
