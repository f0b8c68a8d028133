package com.nextarget.server.auth;

import com.nextarget.server.auth.facebook.FacebookSettings;
import com.nextarget.server.auth.google.GoogleSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The login session's cookie (named and HttpOnly in web.xml) is also {@code Secure} when a redirect URI is https:
 * the browser then never sends it over plain HTTP. Local http:// setups keep working.
 */
@WebListener
public class LoginCookieSettings implements ServletContextListener {

    @Inject
    GoogleSettings google;

    @Inject
    FacebookSettings facebook;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean https = google.getRedirectUri().startsWith("https://") || facebook.redirectUri().startsWith("https://");
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(https);
        cookie.setAttribute("SameSite", "Lax");
    }
}
