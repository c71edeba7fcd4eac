package org.cairnmq.server.broker.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Names written into the broker's text files as hex UTF-8, so that no name can break a line. */
final class HexNames {

    private HexNames() {
    }

    static String encode(String name) {
        return HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
