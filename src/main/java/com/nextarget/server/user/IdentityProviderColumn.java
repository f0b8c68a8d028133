package com.nextarget.server.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Stores a provider by its wire name ("google"), the same text the upsert writes. */
@Converter
public class IdentityProviderColumn implements AttributeConverter<IdentityProvider, String> {

    @Override
    public String convertToDatabaseColumn(IdentityProvider provider) {
        return provider.wireName();
    }

    @Override
    public IdentityProvider convertToEntityAttribute(String wireName) {
        return Arrays.stream(IdentityProvider.values())
                .filter(provider -> provider.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown provider in the users table"));
    }
}
