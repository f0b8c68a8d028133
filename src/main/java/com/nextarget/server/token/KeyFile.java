package com.nextarget.server.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The generated signing key of a server without JWT_SECRET_KEY: a PKCS#8 PEM file readable by its owner only,
 * created once and reused after restarts (the same file name as the first version's).
 */
final class KeyFile {

    private static final Logger LOG = Logger.getLogger(KeyFile.class.getName());
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private KeyFile() {
    }

    static KeyPair loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the signing key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " does not hold an EC P-256 private key", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8) + "\n" + END + "\n";
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".jwt-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            // a hard link never replaces an existing file: when two processes race, both end up with the first key
            Files.createLink(file, temporary);
            LOG.warning("JWT_SECRET_KEY is not set: generated a signing key in " + file
                    + "; set JWT_SECRET_KEY to share one key between instances");
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PKCS#8 PEM file");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        KeyFactory factory = KeyFactory.getInstance("EC");
        var privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
        var q = DerivedEcKey.multiply(DerivedEcKey.generator(), privateKey.getS());
        return new KeyPair(factory.generatePublic(new ECPublicKeySpec(q, privateKey.getParams())), privateKey);
    }
}
