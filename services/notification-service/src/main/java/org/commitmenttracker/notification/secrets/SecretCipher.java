package org.commitmenttracker.notification.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the webhook signing secrets the service stores (AES-256-GCM, a random 96-bit nonce per value, a
 * 128-bit tag). A sealed value reads {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); a changed byte, or
 * another key, fails to open instead of yielding a wrong secret. Neither the key nor a value ever appears in
 * an exception message.
 */
public final class SecretCipher {
    static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds every sealed value to its purpose: a ciphertext made for something else does not open here. */
    private static final byte[] CONTEXT = "commitment-tracker/notification/webhook-secret".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher for a base64 key of 32 bytes ({@code TRACKER_NOTIFICATION_SECRETS_KEY}); an
     * {@link InvalidSecretsKeyException} saying what is wrong (never the value) when it is missing or malformed.
     */
    public static SecretCipher fromBase64Key(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidSecretsKeyException("is not set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidSecretsKeyException("is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new InvalidSecretsKeyException("decodes to " + key.length + " bytes; AES-256 needs " + KEY_BYTES);
        }
        try {
            return new SecretCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** {@code plaintext} encrypted under a fresh nonce: sealing the same value twice gives two different results. */
    public String seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The value {@link #seal} sealed; {@link UnreadableSecretException} if it was altered or sealed with another key. */
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new UnreadableSecretException("not a sealed secret");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new UnreadableSecretException("not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw new UnreadableSecretException("altered, or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A stored secret that does not open with the configured key. */
    public static final class UnreadableSecretException extends RuntimeException {
        UnreadableSecretException(String why) {
            super("A stored webhook secret cannot be decrypted (" + why + "); is TRACKER_NOTIFICATION_SECRETS_KEY the key "
                    + "it was encrypted with?");
        }
    }
}
