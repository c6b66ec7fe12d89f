package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.api.user.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in person, as Spring Security keeps it in the session. */
public final class TrackerUser implements UserDetails, CredentialsContainer {
    private final String username;
    private final String displayName;
    private String passwordHash;
    /** Kept in the session instead of the hash (erased after sign-in): tells a changed password apart. */
    private final String passwordFingerprint;
    private final Set<Role> roles;
    private final String orgUnitId;
    private final String cityId;
    private final boolean enabled;
    private final boolean locked;
    private final boolean cityLevelUnit;
    /** The sequence number of the account's last event at sign-in: any later event ends the session. */
    private final long accountVersion;
    /** The password was set by someone else (a one-time password): only choosing an own one is allowed. */
    private final boolean passwordChangeRequired;

    public TrackerUser(String username, String displayName, String passwordHash, Set<Role> roles,
                       String orgUnitId, String cityId, boolean cityLevelUnit, boolean enabled, boolean locked,
                       long accountVersion, boolean passwordChangeRequired) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.passwordFingerprint = fingerprint(passwordHash);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.orgUnitId = orgUnitId;
        this.cityId = cityId;
        this.enabled = enabled;
        this.locked = locked;
        this.cityLevelUnit = cityLevelUnit;
        this.accountVersion = accountVersion;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public long accountVersion() {
        return accountVersion;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public String orgUnitId() {
        return orgUnitId;
    }

    public String cityId() {
        return cityId;
    }

    public String passwordFingerprint() {
        return passwordFingerprint;
    }

    /** SHA-256 of the stored hash: equal for the same hash, and no way back to it. */
    public static String fingerprint(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((passwordHash == null ? "" : passwordHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DataScope dataScope() {
        return DataScope.of(roles, cityLevelUnit);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toList());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackerUser that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
