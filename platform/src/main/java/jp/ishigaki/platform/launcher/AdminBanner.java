package jp.ishigaki.platform.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in incident-service's output, the one-time banner with the generated {@code admin} password (written by
 * incident-service's {@code AdminBootstrap} between two rules of '=' after "the initial administrator was created"),
 * so the launcher can relay it to the terminal.
 */
final class AdminBanner {

    private static final String START = "initial administrator was created";

    private AdminBanner() {
    }

    static List<String> find(String output) {
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(START)) {
                List<String> banner = new ArrayList<>();
                for (int j = i; j < lines.size() && !lines.get(j).strip().matches("={10,}"); j++) {
                    if (!lines.get(j).isBlank()) {
                        banner.add(lines.get(j).strip());
                    }
                }
                return banner;
            }
        }
        return List.of();
    }
}
