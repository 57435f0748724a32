package no.fristed.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the hand-written API contract, openapi/fristed.yaml (copied into the build by Maven), exactly as written:
 * the contract is the source, so nothing is generated from the code.
 */
@Path("/openapi")
public class ContractResource {

    static final String MEDIA_TYPE = "application/yaml;charset=UTF-8";

    private final String contract;

    ContractResource() {
        try (InputStream in = ContractResource.class.getClassLoader().getResourceAsStream("META-INF/openapi/fristed.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi/fristed.yaml is missing from the build");
            }
            contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MEDIA_TYPE)
    public String contract() {
        return contract;
    }
}
