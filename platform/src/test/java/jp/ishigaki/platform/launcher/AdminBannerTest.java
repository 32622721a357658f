package jp.ishigaki.platform.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminBannerTest {

    @Test
    void theOneTimeAdminPasswordBannerIsFoundInTheServiceLog() {
        String log = """
                2026-11-26 06:30:01,100 INFO  [io.quarkus] (main) starting
                2026-11-26 06:30:02,200 WARN  [jp.ish.use.app.AdminBootstrap] (main)
                ==============================================================================
                  Ishigaki: the initial administrator was created.

                      user:     admin
                      password: Xy7kQ2mPz9Lr4Tw8Vb3n

                  This password is shown ONCE and stored only as a bcrypt hash.
                ==============================================================================
                2026-11-26 06:30:03,300 INFO  [io.quarkus] (main) started
                """;

        assertThat(AdminBanner.find(log)).containsExactly(
                "Ishigaki: the initial administrator was created.",
                "user:     admin",
                "password: Xy7kQ2mPz9Lr4Tw8Vb3n",
                "This password is shown ONCE and stored only as a bcrypt hash.");
    }

    @Test
    void noBannerOnLaterStarts() {
        assertThat(AdminBanner.find("2026-11-26 INFO [io.quarkus] (main) started\n")).isEmpty();
    }
}
