package no.fristed.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validates every response any REST-assured test receives against openapi/fristed.yaml, so the contract cannot drift
 * from the code. Requests are not validated (tests send bad input on purpose); unknown API paths are errors.
 * Quarkus' own endpoints under /q/ are outside the contract. HSDS responses are also checked against Open Referral's
 * schemas ({@link HsdsValidation}).
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback, Filter {

    private static volatile boolean installed;
    private final OpenApiValidationFilter validation;

    public ContractValidation() {
        try {
            String spec = Files.readString(Path.of("openapi/fristed.yaml"));
            validation = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                            .build())
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!installed) {
            installed = true;
            RestAssured.filters(new ContractValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        String path = request.getDerivedPath();
        if (path.startsWith("/q/") || path.equals("/openapi")) {
            return context.next(request, response);
        }
        Response answer = validation.filter(request, response, context);
        if (HsdsValidation.covers(path) && answer.statusCode() == 200) {
            HsdsValidation.check(path, request.getURI().matches(".*[?&]full=true(&.*)?"), answer.asString());
        }
        return answer;
    }
}
