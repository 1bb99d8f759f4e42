package org.iamdojo.awsapi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The AWS-compatible endpoint: checks a request's SigV4 signature, finds the sandbox that issued its access key,
 * and makes the call through that attempt's one call path (the engine authorizes it, CloudTrail records it with
 * the request's User-Agent and source address, grading sees it). The Credential scope's service routes the
 * request: iam and sts speak the Query protocol, ec2 its query dialect, s3 REST, access-analyzer REST-JSON
 * ({@link AccessAnalyzerRest}: the custom policy checks).
 */
@Component
public class AwsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AwsEndpoint.class);
    private final AttemptService attempts;
    private final Clock clock;
    private final KeyThrottle throttle;
    private final S3Rest s3 = new S3Rest();
    /** Which attempt a key id was last found in; checked again on every use. */
    private final ConcurrentMap<String, LiveAttempt> byKey = new ConcurrentHashMap<>();

    @Autowired
    public AwsEndpoint(AttemptService attempts,
                       @Value("${iamdojo.aws-endpoint.calls-per-second-per-key:100}") double perSecond,
                       @Value("${iamdojo.aws-endpoint.burst-per-key:200}") double burst) {
        this(attempts, Clock.systemUTC(), perSecond, burst);
    }

    AwsEndpoint(AttemptService attempts, Clock clock, double perSecond, double burst) {
        this.attempts = attempts;
        this.clock = clock;
        this.throttle = new KeyThrottle(perSecond, burst);
    }

    /** Answers one request; never throws for bad input (every failure is an AWS-shaped error answer). */
    public AwsResponse handle(AwsRequest request) {
        String requestId = UUID.randomUUID().toString();
        String service = "iam";
        try {
            RequestSignature signature = RequestSignature.read(request);
            service = signature.service();
            signature.checkTime(clock.instant());
            if (!throttle.tryAcquire(signature.accessKeyId(), System.nanoTime())) {
                throw "s3".equals(service) ? new EndpointException("SlowDown", 503, "Please reduce your request rate.")
                        : new EndpointException("Throttling", 400, "Rate exceeded");
            }
            Credentials.SignedRequest credentials = signature.credentials(request);
            LiveAttempt attempt = attemptOf(credentials);
            String userAgent = request.header("user-agent");
            Caller call = (svc, op, params) -> attempt.call(credentials, svc, op, params, request.sourceIp(),
                    userAgent == null ? "" : userAgent);
            return switch (service) {
                case "iam", "sts" -> query(service, request, call, requestId);
                case "ec2" -> ec2(request, call, requestId);
                case "s3" -> s3.handle(request, call, requestId);
                case "access-analyzer" -> AccessAnalyzerRest.handle(request, requestId);
                default -> throw new EndpointException("InvalidAction", 400, "The sandbox endpoint serves iam, sts, "
                        + "s3, access-analyzer and ec2; this request was signed for '" + service + "'.");
            };
        } catch (AwsException e) {
            return failure(service, e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("AWS endpoint request {} failed", requestId, e);
            return failure(service, new EndpointException("InternalFailure", 500,
                    "The request processing has failed because of an unknown error."), requestId);
        }
    }

    /** One sandbox call of the request. */
    @FunctionalInterface
    interface Caller {
        CallResult call(String service, String operation, Params params);
    }

    private LiveAttempt attemptOf(Credentials.SignedRequest credentials) {
        String keyId = credentials.accessKeyId();
        LiveAttempt cached = byKey.get(keyId);
        // Checking only the cached sandbox (not every live one) keeps a hot key from queueing on other sandboxes' locks.
        if (cached != null && attempts.isCurrent(cached) && cached.attempt().sandbox().knowsAccessKey(keyId)) {
            return cached;
        }
        byKey.remove(keyId);
        List<LiveAttempt> found = attempts.withAccessKey(keyId);
        // Ids are random across the installation; should two sandboxes ever share one, the signature picks.
        LiveAttempt chosen = found.size() == 1 ? found.get(0) : found.stream()
                .filter(a -> resolves(a, credentials)).findFirst().orElse(null);
        if (chosen == null) {
            LOG.info("AWS endpoint: unknown access key {}", RequestSignature.maskedKeyId(keyId));
            throw new EndpointException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        }
        byKey.put(keyId, chosen);
        return chosen;
    }

    private boolean resolves(LiveAttempt attempt, Credentials credentials) {
        try {
            attempt.attempt().sandbox().resolve(credentials, attempt.attempt().sandbox().now());
            return true;
        } catch (AwsException e) {
            return false;
        }
    }

    private static List<Map.Entry<String, String>> form(AwsRequest request) {
        String type = request.header("content-type");
        if ("POST".equals(request.method()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return AwsRequest.decodeForm(new String(request.body(), StandardCharsets.UTF_8));
        }
        return request.query();
    }

    private static String action(List<Map.Entry<String, String>> form) {
        return form.stream().filter(e -> e.getKey().equals("Action")).map(Map.Entry::getValue).findFirst()
                .filter(a -> !a.isBlank())
                .orElseThrow(() -> new EndpointException("MissingAction", 400, "The request must contain the parameter Action."));
    }

    private static AwsResponse query(String service, AwsRequest request, Caller call, String requestId) {
        List<Map.Entry<String, String>> form = form(request);
        String action = action(form);
        CallResult result = call.call(service, action, QueryProtocol.params(form));
        if (!result.succeeded()) {
            throw result.error();
        }
        return AwsResponse.xml(200, QueryProtocol.response(service, action, result.response(), requestId), requestId);
    }

    private static AwsResponse ec2(AwsRequest request, Caller call, String requestId) {
        List<Map.Entry<String, String>> form = form(request);
        String action = action(form);
        CallResult result = call.call("ec2", action, Ec2Query.params(form));
        if (!result.succeeded()) {
            AwsException e = result.error();
            return AwsResponse.xml(e.httpStatus(), QueryProtocol.ec2Error(e, requestId), requestId);
        }
        return AwsResponse.xml(200, Ec2Query.response(action, result.response(), requestId), requestId);
    }

    private static AwsResponse failure(String service, AwsException e, String requestId) {
        return switch (service) {
            case "s3" -> S3Rest.error(e, requestId);
            case "ec2" -> AwsResponse.xml(e.httpStatus(), QueryProtocol.ec2Error(e, requestId), requestId);
            case "access-analyzer" -> AccessAnalyzerRest.error(e.httpStatus(), e.code(), e.getMessage(), requestId);
            default -> AwsResponse.xml(e.httpStatus(), QueryProtocol.error(service, e, requestId), requestId);
        };
    }
}
