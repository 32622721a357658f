package jp.ishigaki.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.console.i18n.ConsoleLanguage;

import java.net.URI;
import java.util.Set;

/** Builds the layout's {@link Page} for every console page, and answers role checks. */
@RequestScoped
class PageContext {

    private final ConsoleLanguage language;
    private final SecurityIdentity identity;

    PageContext(ConsoleLanguage language, SecurityIdentity identity) {
        this.language = language;
        this.identity = identity;
    }

    Page page(String ja, String en, String active, UriInfo uri) {
        return page(language.english() ? en : ja, active, uri);
    }

    /** The layout's page with a title already in the page's language; the other language links to the same URL. */
    Page page(String title, String active, UriInfo uri) {
        String other = language.english() ? "ja" : "en";
        URI switched = uri.getRequestUriBuilder().replaceQueryParam("lang", other).build();
        String href = switched.getRawPath() + (switched.getRawQuery() == null ? "" : "?" + switched.getRawQuery());
        return new Page(language.lang(), title, active, user(), identity.getRoles(), href);
    }

    boolean english() {
        return language.english();
    }

    String user() {
        return identity.getPrincipal().getName();
    }

    boolean hasAny(Set<String> roles) {
        return identity.getRoles().stream().anyMatch(roles::contains);
    }

    ConsoleLanguage language() {
        return language;
    }
}
