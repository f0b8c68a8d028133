package com.nextarget.server.error;

/** The only error body the server produces: {@code {"detail": "..."}}. */
public record ErrorBody(String detail) {

    /** Serialises without a JSON library, so that the container's own error path cannot fail on it. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"detail\":\"");
        for (char c : detail.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }
}
