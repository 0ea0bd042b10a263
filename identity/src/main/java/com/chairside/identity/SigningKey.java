package com.chairside.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key in the devstack issuer's key file (a JWK as JSON), which {@code bin/chairside token} signs with too;
 * made on first use, by whichever of the two comes first.
 */
final class SigningKey {

	private SigningKey() {
	}

	static RSAKey in(Path file) {
		try {
			if (!Files.exists(file)) {
				if (file.toAbsolutePath().getParent() != null) {
					Files.createDirectories(file.toAbsolutePath().getParent());
				}
				RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
				Files.writeString(file, key.toJSONString());
			}
			return RSAKey.parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot use the signing key in " + file, ex);
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException("Cannot use the signing key in " + file, ex);
		}
	}

}
