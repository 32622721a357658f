package jp.ishigaki.console.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The language of the current console request: Japanese unless {@code ?lang=en} (remembered in a cookie) or the
 * cookie says otherwise. Times are always shown in Asia/Tokyo.
 */
@RequestScoped
public class ConsoleLanguage {

    /** The cookie that remembers the operator's language choice. */
    public static final String COOKIE = "ishigaki-lang";
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final String lang;

    public ConsoleLanguage(HttpServerRequest request) {
        String asked = normalise(request.getParam("lang"));
        if (asked != null) {
            request.response().addCookie(Cookie.cookie(COOKIE, asked).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setMaxAge(365L * 24 * 3600));
            this.lang = asked;
        } else {
            Cookie cookie = request.getCookie(COOKIE);
            String remembered = cookie == null ? null : normalise(cookie.getValue());
            this.lang = remembered == null ? "ja" : remembered;
        }
    }

    /** {@code ja} or {@code en}. */
    public String lang() {
        return lang;
    }

    public Locale locale() {
        return "en".equals(lang) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    public boolean english() {
        return "en".equals(lang);
    }

    private static String normalise(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "en" -> "en";
            case "ja" -> "ja";
            default -> null;
        };
    }
}
