package dev.ringproof.api.security;

/**
 * The roles the API's resources name in {@code @Callers}: a tenant's api key, or a
 * console user's role ({@code admin}, {@code billing}, as {@code Role.wireName()}).
 */
public final class ApiRoles {

    /** A caller with an active tenant's api key ({@code Authorization: Bearer rp_…}). */
    public static final String TENANT = "tenant";
    /**
     * A browser with a tenant's publishable key ({@code Authorization: Bearer rp_pub_…}) from one
     * of the key's allowed origins: the web widget, which may start and check only.
     */
    public static final String PUBLISHABLE = "publishable";
    /** A console user with the admin role (HTTP Basic). */
    public static final String ADMIN = "admin";
    /** A console user with the billing role (HTTP Basic). */
    public static final String BILLING = "billing";

    private ApiRoles() {}
}
