package org.cairnmq.examples.payara.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Picks a {@code --portbase} for {@code asadmin create-domain}: a multiple of 100 whose every port the
 * domain uses is free on 127.0.0.1 now.
 *
 * <p>Design note: {@code create-domain} derives each listener's port from the base (admin = base + 48,
 * HTTP = base + 80, ...), so the ports cannot be ephemeral; a random base below the kernel's ephemeral
 * range keeps two builds on one machine from choosing the same one, and probing each port catches what
 * is already taken. A port taken between the probe and the domain's start fails the start loudly.
 */
final class PortBase {

    /** The offsets from the base that a Payara 6 domain assigns (debugger, IIOP x3, admin, OSGi shell, JMS, HTTP x2, JMX). */
    static final int[] OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};
    /** Added to the base to get the admin port. */
    static final int ADMIN_OFFSET = 48;
    /** Added to the base to get the plain HTTP port. */
    static final int HTTP_OFFSET = 80;

    private static final int LOWEST_BASE_HUNDREDS = 200;
    private static final int HIGHEST_BASE_HUNDREDS = 320;
    private static final int ATTEMPTS = 50;

    private PortBase() {
    }

    /**
     * Returns a base whose ports are all free.
     *
     * @return the base, a multiple of 100 between 20000 and 32000
     * @throws IllegalStateException if none of the bases tried is free
     */
    static int findFree() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            final int base = ThreadLocalRandom.current().nextInt(LOWEST_BASE_HUNDREDS, HIGHEST_BASE_HUNDREDS) * 100;
            if (IntStream.of(OFFSETS).allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free Payara port base found in " + ATTEMPTS + " attempts");
    }

    private static boolean isFree(final int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (final IOException e) {
            return false;
        }
    }
}
