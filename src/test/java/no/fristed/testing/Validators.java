package no.fristed.testing;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** A Bean Validation validator outside Quarkus, for tests of content parsing without the application. */
public final class Validators {

    private Validators() {
    }

    public static Validator plain() {
        return Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }
}
