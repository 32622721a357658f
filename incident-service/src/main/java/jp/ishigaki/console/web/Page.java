package jp.ishigaki.console.web;

import java.util.Set;

/**
 * What the layout needs on every console page: language, title, the active menu entry, the signed-in user and
 * their roles, and the link that switches language.
 */
public record Page(String lang, String title, String active, String user, Set<String> roles, String otherLangHref) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isActive(String menu) {
        return menu.equals(active);
    }

    public String otherLang() {
        return "en".equals(lang) ? "ja" : "en";
    }
}
