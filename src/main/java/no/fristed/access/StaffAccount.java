package no.fristed.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import no.fristed.common.CodedListConverter;

/** A staff member of the embedded default's account store; the password is kept only as a bcrypt hash. */
@Entity
public class StaffAccount extends PanacheEntityBase {

    /** Stores roles as "counsellor,editor". */
    @jakarta.persistence.Converter
    public static class RolesConverter extends CodedListConverter<StaffRole> {
        public RolesConverter() {
            super(StaffRole.class);
        }
    }

    @Id
    public String username;
    public String passwordHash;
    @Convert(converter = RolesConverter.class)
    public List<StaffRole> roles;
    public boolean active;
    /** Raised to end every token issued before (see {@link StaffRevocations}). */
    public long tokenGeneration;
    public Instant createdAt;
    public String createdBy;

    static boolean anyAdmin() {
        return StaffAccount.<StaffAccount>streamAll().anyMatch(a -> a.active && a.roles.contains(StaffRole.ADMIN));
    }
}
