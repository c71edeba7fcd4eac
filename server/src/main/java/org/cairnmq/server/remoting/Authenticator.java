package org.cairnmq.server.remoting;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Checks HANDSHAKE credentials against a users file: a properties file of {@code user=password}
 * lines, where the password is stored as given or as {@code sha256:salt:hex} (the hex SHA-256 of the
 * UTF-8 bytes of salt then password; {@link #hashPassword(String)} makes one).
 *
 * <p>A handshake without a user (null or empty) is anonymous: accepted when anonymous access is
 * allowed, {@code AUTHENTICATION_FAILED} otherwise. An unknown user and a wrong password get the
 * same answer, so a client cannot probe for user names.
 *
 * <p>Immutable and thread safe.
 */
public final class Authenticator {

    /** The prefix of a hashed password. */
    public static final String SHA256_PREFIX = "sha256:";

    private static final int SALT_BYTES = 16;

    private final Map<String, String> passwords;
    private final boolean allowAnonymous;
    private final boolean acceptAny;

    private Authenticator(final Map<String, String> passwords, final boolean allowAnonymous, final boolean acceptAny) {
        this.passwords = Map.copyOf(passwords);
        this.allowAnonymous = allowAnonymous;
        this.acceptAny = acceptAny;
        this.passwords.forEach(Authenticator::validateStoredPassword);
    }

    /**
     * Creates an authenticator over users given in memory.
     *
     * @param passwords user name to stored password (plain or {@code sha256:salt:hex})
     * @param allowAnonymous whether a handshake without a user is accepted
     * @return the authenticator
     */
    public static Authenticator of(final Map<String, String> passwords, final boolean allowAnonymous) {
        return new Authenticator(passwords, allowAnonymous, false);
    }

    /**
     * Creates an authenticator that accepts every handshake, with or without credentials. The name
     * server uses it when no users file is configured: routes are not secret.
     *
     * @return the authenticator
     */
    public static Authenticator acceptAny() {
        return new Authenticator(Map.of(), true, true);
    }

    /**
     * Loads a users file.
     *
     * @param usersFile the properties file, or {@code null} for no users
     * @param allowAnonymous whether a handshake without a user is accepted
     * @return the authenticator
     * @throws IllegalArgumentException when the file cannot be read or holds a malformed hash
     */
    public static Authenticator load(final Path usersFile, final boolean allowAnonymous) {
        if (usersFile == null) {
            return of(Map.of(), allowAnonymous);
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (final IOException e) {
            throw new IllegalArgumentException("CAIRN-1101 Cannot read the users file " + usersFile + ": " + e, e);
        }
        final Map<String, String> passwords = new HashMap<>();
        properties.stringPropertyNames().forEach(user -> passwords.put(user, properties.getProperty(user).trim()));
        return of(passwords, allowAnonymous);
    }

    /**
     * Checks credentials.
     *
     * @param user the user name, {@code null} or empty for anonymous
     * @param password the password, may be {@code null}
     * @return the authenticated user, {@code null} for an anonymous connection
     * @throws ProtocolException {@link ErrorCode#AUTHENTICATION_FAILED} when the credentials are
     *     rejected
     */
    public String authenticate(final String user, final String password) {
        if (user == null || user.isEmpty()) {
            if (allowAnonymous) {
                return null;
            }
            throw new ProtocolException(ErrorCode.AUTHENTICATION_FAILED,
                "CAIRN-1102 Anonymous connections are not allowed; give a user and password");
        }
        if (acceptAny) {
            return user;
        }
        final String stored = passwords.get(user);
        if (stored == null || password == null || !matches(stored, password)) {
            throw new ProtocolException(ErrorCode.AUTHENTICATION_FAILED,
                "CAIRN-1103 Wrong user name or password for user '" + user + "'");
        }
        return user;
    }

    /**
     * Hashes a password with a fresh random salt, for a users file.
     *
     * @param password the password
     * @return {@code sha256:salt:hex}
     */
    public static String hashPassword(final String password) {
        final byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return hashPassword(password, HexFormat.of().formatHex(salt));
    }

    /**
     * Hashes a password with a given salt.
     *
     * @param password the password
     * @param salt the salt, without {@code ':'}
     * @return {@code sha256:salt:hex}
     */
    public static String hashPassword(final String password, final String salt) {
        if (salt.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a salt cannot contain ':'");
        }
        return SHA256_PREFIX + salt + ":" + HexFormat.of().formatHex(sha256(salt, password));
    }

    private static boolean matches(final String stored, final String password) {
        if (!stored.startsWith(SHA256_PREFIX)) {
            return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        }
        final int split = stored.indexOf(':', SHA256_PREFIX.length());
        final String salt = stored.substring(SHA256_PREFIX.length(), split);
        final byte[] expected = HexFormat.of().parseHex(stored.substring(split + 1));
        return MessageDigest.isEqual(expected, sha256(salt, password));
    }

    private static void validateStoredPassword(final String user, final String stored) {
        if (!stored.startsWith(SHA256_PREFIX)) {
            return;
        }
        final int split = stored.indexOf(':', SHA256_PREFIX.length());
        final String hex = split < 0 ? "" : stored.substring(split + 1);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("CAIRN-1104 The password of user '" + user
                + "' starts with 'sha256:' but is not 'sha256:salt:<64 hex digits>'");
        }
    }

    private static byte[] sha256(final String salt, final String password) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
