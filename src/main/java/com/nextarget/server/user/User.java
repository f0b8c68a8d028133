package com.nextarget.server.user;

import com.nextarget.server.db.InstantAsEpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One account at one provider, unique on (provider, subject). Rows are created by {@link UserRepository#upsert}. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private Long id;

    @Column(nullable = false)
    @Convert(converter = IdentityProviderColumn.class)
    private IdentityProvider provider;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_verified")
    private Boolean emailVerified;

    @Column(name = "email_is_placeholder", nullable = false)
    private boolean emailIsPlaceholder;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantAsEpochMillis.class)
    private Instant createdAt;

    @Column(name = "last_login_at", nullable = false)
    @Convert(converter = InstantAsEpochMillis.class)
    private Instant lastLoginAt;

    public Long getId() {
        return id;
    }

    public IdentityProvider getProvider() {
        return provider;
    }

    public String getSubject() {
        return subject;
    }

    public String getEmail() {
        return email;
    }

    public Boolean getEmailVerified() {
        return emailVerified;
    }

    public boolean isEmailIsPlaceholder() {
        return emailIsPlaceholder;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
