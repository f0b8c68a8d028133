package com.nextarget.server.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application's endpoint templates ({@code /users/me}, {@code /auth/facebook/data-deletion/{code}}), and the one
 * a request path belongs to: what metrics label and logs name a request by. A path that matches none is
 * {@value #UNMATCHED}, so that scanners probing random paths cannot grow the number of series.
 */
public final class RouteTemplates {

    public static final String UNMATCHED = "unmatched";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Map<String, String> literal;
    private final List<Map.Entry<Pattern, String>> parameterised;

    RouteTemplates(Collection<String> templates) {
        literal = templates.stream().filter(template -> !template.contains("{"))
                .collect(Collectors.toUnmodifiableMap(template -> template, template -> template, (a, b) -> a));
        parameterised = new ArrayList<>();
        templates.stream().filter(template -> template.contains("{")).distinct().sorted()
                .forEach(template -> parameterised.add(Map.entry(regex(template), template)));
    }

    static RouteTemplates none() {
        return new RouteTemplates(List.of());
    }

    public String of(String path) {
        String template = literal.get(path);
        if (template != null) {
            return template;
        }
        for (Map.Entry<Pattern, String> candidate : parameterised) {
            if (candidate.getKey().matcher(path).matches()) {
                return candidate.getValue();
            }
        }
        return UNMATCHED;
    }

    /** The method as a label: one of the HTTP methods the API uses, or {@code other}. */
    static String method(String method) {
        return METHODS.contains(method) ? method : "other";
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** Joins a resource's path and a sub-resource's path as JAX-RS does: one slash between, none at the end. */
    static String join(String parent, String child) {
        String joined = ("/" + (parent == null ? "" : parent) + "/" + (child == null ? "" : child))
                .replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
