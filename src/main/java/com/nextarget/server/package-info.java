/**
 * NexTarget server: sign-in with Google or Facebook, then the server's own bearer tokens for the API.
 * <p>
 * Packages by feature: {@code auth} runs the logins (one sub-package per provider) and routes authentication;
 * {@code token} signs access tokens and publishes their keys; {@code user} stores users and serves {@code /users/me};
 * {@code db} migrates and opens the database; {@code config} reads the environment and {@code .env};
 * {@code error} makes every failure a {@code {"detail"}} JSON body; {@code ops} gives each request a span, a
 * duration and an access line and serves {@code /metrics}; {@code ratelimit} counts requests to {@code /auth/*} per
 * client; {@code health}, {@code docs} and {@code launch} are the plumbing. Jakarta Security allows one {@code HttpAuthenticationMechanism} per application, and the OpenID
 * Connect and MicroProfile JWT mechanisms are two: {@code auth.AuthenticationRouter} is the application's own,
 * and hands each request to the one that owns its path.
 */
package com.nextarget.server;
