package no.fristed.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** HSDS location: a physical place, possibly shared by several services. */
@Entity
public class Location extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String address;
    public String postalCode;
    public String municipality;
    public Double latitude;
    public Double longitude;

    static Location upsert(ServiceDocument.LocationDocument doc) {
        Location location = Location.<Location>findByIdOptional(doc.id()).orElseGet(Location::new);
        location.id = doc.id();
        location.name = doc.name();
        location.address = doc.address();
        location.postalCode = doc.postalCode();
        location.municipality = doc.municipality();
        location.latitude = doc.latitude();
        location.longitude = doc.longitude();
        location.persist();
        return location;
    }

    ServiceDocument.LocationDocument toDocument() {
        return new ServiceDocument.LocationDocument(id, name, address, postalCode, municipality, latitude, longitude);
    }
}
