package dev.payments.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The website isolation sweep: every route of the contract, aimed by website B's df_ key and by a dft_ token
 * restricted to B (with every permission) at website A's transaction, visitor, customer, time range, id, keys and
 * tokens. Each gets the contract's status, shows nothing of A, and leaves A exactly as it was.
 */
@QuarkusTest
class WebsiteIsolationTest {

    static Stream<Arguments> attacks() {
        return Arrays.stream(Attack.values()).flatMap(attack -> Arrays.stream(Intruder.Credential.values())
                .map(credential -> Arguments.of(attack, credential)));
    }

    @ParameterizedTest(name = "{0} with B''s {1}")
    @MethodSource("attacks")
    void shouldNeitherRevealNorChangeWebsiteAWhenWebsiteBAimsAtIt(Attack attack, Intruder.Credential credential) {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Intruder b = Intruder.create(credential, at);
        Victim a = Victim.create(b.id(), at);
        Map<String, Object> before = a.state();

        Response response = attack.send(a, b);

        // build tools report parameterized tests by index: every message names its case
        String name = attack + " with B's " + credential;
        assertEquals(attack.expectedStatus(credential), response.statusCode(), name + ": " + response.asString());
        for (String secret : a.secrets()) {
            assertThat(name + " shows A's " + secret, response.asString(), not(containsString(secret)));
        }
        assertEquals(before, a.state(), name + " changed website A");
    }
}
