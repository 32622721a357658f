package jp.ishigaki.console.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The console's sign-in page (the form posts to Quarkus' {@code j_security_check}; lockout is the user store's) and
 * sign-out (a CSRF-protected POST that drops the session cookie).
 */
@Path("/console")
public class LoginPage {

    private final ConsoleLanguage language;
    private final String sessionCookie;

    public LoginPage(ConsoleLanguage language,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.language = language;
        this.sessionCookie = sessionCookie;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("logout") String logout) {
        return ConsoleTemplates.login(language.lang(), error != null, logout != null).setLocale(language.locale());
    }

    @POST
    @Path("/logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/").value("").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/console/login?logout=true")).cookie(expired).build();
    }
}
