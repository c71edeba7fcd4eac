package org.cairnmq.server.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps topic names to directory names and back: ASCII letters, digits, {@code '-'} and {@code '_'}
 * stay; every other UTF-8 byte becomes {@code %XX}. The result is never {@code "."} or {@code ".."}
 * and never contains a path separator.
 */
final class TopicDirectoryNames {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TopicDirectoryNames() {
    }

    static String encode(String topic) {
        StringBuilder name = new StringBuilder(topic.length() + 8);
        for (byte b : topic.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return name.toString();
    }

    static String decode(String directoryName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(directoryName.length());
        for (int i = 0; i < directoryName.length(); i++) {
            char c = directoryName.charAt(i);
            if (c == '%' && i + 2 < directoryName.length()) {
                bytes.write(Integer.parseInt(directoryName.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
