package no.fristed.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** HSDS organization: who runs one or more services. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String description;
    public String website;
    public String email;

    static Organization upsert(ServiceDocument.OrganizationDocument doc) {
        Organization org = Organization.<Organization>findByIdOptional(doc.id()).orElseGet(Organization::new);
        org.id = doc.id();
        org.name = doc.name();
        org.description = doc.description();
        org.website = doc.website();
        org.email = doc.email();
        org.persist();
        return org;
    }
}
