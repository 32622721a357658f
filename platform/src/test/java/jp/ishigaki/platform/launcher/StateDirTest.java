package jp.ishigaki.platform.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class StateDirTest {

    @TempDir
    Path repository;

    @Test
    void aGeneratedSecretIsKeptOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        StateDir state = StateDir.at(repository.resolve(".ishigaki"));
        String first = state.secret("db-ishigaki.password");

        Path file = state.secrets().resolve("db-ishigaki.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.secrets()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.root()))).isEqualTo("rwx------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
        assertThat(StateDir.at(repository.resolve(".ishigaki")).secret("db-ishigaki.password")).isEqualTo(first);
        assertThat(state.secret("db-ishigaki_notification.password")).isNotEqualTo(first);
    }
}
